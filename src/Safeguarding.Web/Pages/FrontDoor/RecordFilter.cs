using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;
using Safeguarding.Web.Pages.Exploitation.Mace;

namespace Safeguarding.Web.Pages.FrontDoor;

/// <summary>
/// The Front Door's pages and their checks (PageConventions calls <see cref="Apply"/>): its lists and a contact need
/// Read on contacts, the form Create and the child (opened by the policy); the referrer's pages need the referrer's
/// view. A contact's pages load it through the policy for that contact on GET and POST alike.
/// </summary>
public static class FrontDoorPages
{
    public static void Apply(PageConventionCollection conventions)
    {
        foreach (var page in new[] { "Index", "Assessments" })
            conventions.AddPageApplicationModelConvention($"/FrontDoor/{page}", m => m.Filters.Add(new RequirePermissionAttribute(Resource.FrontDoorContact, Operation.Read)));
        conventions.AddPageApplicationModelConvention("/FrontDoor/NewContact", m =>
        {
            m.Filters.Add(new RequirePermissionAttribute(Resource.FrontDoorContact, Operation.Create));
            m.Filters.Add(new ReferChildFilter());
        });
        conventions.AddPageApplicationModelConvention("/FrontDoor/Contact", m =>
        {
            m.Filters.Add(new RequirePermissionAttribute(Resource.FrontDoorContact, Operation.Read));
            m.Filters.Add(new ContactFilter());
        });
        conventions.AddPageApplicationModelConvention("/FrontDoor/Sent", m => m.Filters.Add(new RequirePermissionAttribute(Resource.FrontDoorContactOutcome, Operation.Read)));
        conventions.AddPageApplicationModelConvention("/FrontDoor/SentContact", m =>
        {
            m.Filters.Add(new RequirePermissionAttribute(Resource.FrontDoorContactOutcome, Operation.Read));
            m.Filters.Add(new SentContactFilter());
        });
        conventions.AddPageApplicationModelConvention("/FrontDoor/Figures", m => m.Filters.Add(new RequirePermissionAttribute(Resource.AggregateFigures, Operation.Read)));
    }

    public static string Describe(ContactDecision decision) => decision switch
    {
        ContactDecision.NoFurtherAction => "No further action",
        ContactDecision.InformationAndAdvice => "Information and advice",
        ContactDecision.EarlyHelp => "Early help",
        ContactDecision.Assessment => "Child and family assessment",
        _ => "Strategy discussion",
    };

    public static string Describe(ContactSource source) => source switch
    {
        ContactSource.AgencyForm => "Agency's form",
        ContactSource.Public => "Member of the public",
        ContactSource.Dramm => "DRAMM triage",
        ContactSource.Pim => "PIM",
        ContactSource.OperationEncompass => "Operation Encompass",
        ContactSource.EmergencyDepartment => "Emergency department",
        _ => "MACE",
    };

    public static string Describe(AssessmentOutcome outcome) => outcome switch
    {
        AssessmentOutcome.NoFurtherAction => "No further action",
        AssessmentOutcome.EarlyHelp => "Early help",
        AssessmentOutcome.ChildInNeedPlan => "Child in need plan",
        AssessmentOutcome.StrategyDiscussion => "Strategy discussion",
        _ => "Looked after",
    };
}

/// <summary>A contact in full, for a reader the policy allows (audited), on GET and POST alike.</summary>
public sealed class ContactFilter : LoadRecordFilter<ContactView>
{
    protected override string ResourceType => FrontDoorContacts.ResourceType;

    protected override Task<ContactView?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<FrontDoorContacts>().OpenAsync(id, process, ct);
}

/// <summary>A contact as its referrer sees it, for a user of the organisation that sent it (audited).</summary>
public sealed class SentContactFilter : LoadRecordFilter<ReferrerView>
{
    protected override string ResourceType => FrontDoorContacts.ResourceType;

    protected override Task<ReferrerView?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<FrontDoorContacts>().OpenSentAsync(id, process, ct);
}
