using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;
using Safeguarding.Web.Pages.Exploitation.Mace;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>
/// The register's pages and their checks, attached per page (PageConventions calls <see cref="Apply"/>): the list and
/// an entry's pages need Read on entries, the suggestion Create; each entry's pages load it through the policy for that
/// entry on GET and POST alike, and its forms refuse a reader who may not update it on GET as on POST.
/// </summary>
public static class SupportRegisterPages
{
    public static void Apply(PageConventionCollection conventions)
    {
        conventions.AddPageApplicationModelConvention("/SupportRegister/Index", m => m.Filters.Add(new RequirePermissionAttribute(Resource.SupportRegisterEntry, Operation.Read)));
        conventions.AddPageApplicationModelConvention("/SupportRegister/Suggest", m =>
        {
            m.Filters.Add(new RequirePermissionAttribute(Resource.SupportRegisterEntry, Operation.Create));
            m.Filters.Add(new ReferChildFilter());
        });
        foreach (var page in new[] { "Entry", "Consent", "Withdraw", "Rating" })
            conventions.AddPageApplicationModelConvention($"/SupportRegister/{page}", m =>
            {
                m.Filters.Add(new RequirePermissionAttribute(Resource.SupportRegisterEntry, Operation.Read));
                m.Filters.Add(new SupportEntryFilter());
            });
    }

    /// <summary>The entry's form pages: only for one the policy lets update this entry (a refusal is audited by the host, as the POST's is).</summary>
    public static SupportEntryView Updatable(HttpContext http)
    {
        var entry = http.Loaded<SupportEntryView>();
        if (!entry.MayUpdate) throw new ForbiddenException(SupportRegisterEntries.ResourceType, entry.Id.ToString(), "no role grants Update on this SupportRegisterEntry");
        return entry;
    }

    public static string Describe(SupportNeed need) => need switch
    {
        SupportNeed.LearningDisability => "Learning disability",
        SupportNeed.Autism => "Autism",
        SupportNeed.LearningDisabilityAndAutism => "Learning disability and autism",
        _ => "Awaiting assessment",
    };

    public static string Describe(SupportRegisterStatus status) => status switch
    {
        SupportRegisterStatus.Suggested => "Suggested, waiting for consent",
        SupportRegisterStatus.OnRegister => "On the register",
        _ => "Consent withdrawn",
    };

    public static string Describe(SupportRatingLevel rating) => rating switch
    {
        SupportRatingLevel.Blue => "Blue: in a mental health hospital",
        SupportRatingLevel.Red => "Red: immediate risk of admission, in crisis",
        SupportRatingLevel.Amber => "Amber: at risk of admission without very quick help",
        _ => "Green: some risk, well managed now",
    };

    /// <summary>The rating's tag colour (GOV.UK tag modifiers); the tag's words always name the rating, never the colour alone.</summary>
    public static string TagClass(SupportRatingLevel rating) => rating switch
    {
        SupportRatingLevel.Blue => "govuk-tag--blue",
        SupportRatingLevel.Red => "govuk-tag--red",
        SupportRatingLevel.Amber => "govuk-tag--orange",
        _ => "govuk-tag--green",
    };
}

/// <summary>A register entry, for a reader the policy allows (audited), on GET and POST alike.</summary>
public sealed class SupportEntryFilter : LoadRecordFilter<SupportEntryView>
{
    protected override string ResourceType => SupportRegisterEntries.ResourceType;

    protected override Task<SupportEntryView?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<SupportRegisterEntries>().OpenAsync(id, process, ct);
}
