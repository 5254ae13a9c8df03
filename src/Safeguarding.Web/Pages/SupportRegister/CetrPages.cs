using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>
/// C(E)TR pages and their checks: the unit's queue needs Update on entries (the service then scopes it to the unit's
/// whole register or the lead's own children); an entry's C(E)TR pages load the entry through its policy on GET and POST
/// alike and refuse anyone but the unit and the lead practitioner (a school reading the entry under consent included).
/// </summary>
public static class CetrPages
{
    public static void Apply(PageConventionCollection conventions)
    {
        conventions.AddPageApplicationModelConvention("/SupportRegister/Cetrs", m => m.Filters.Add(new RequirePermissionAttribute(Resource.SupportRegisterEntry, Operation.Update)));
        foreach (var page in new[] { "CetrReferral", "Admission" })
            conventions.AddPageApplicationModelConvention($"/SupportRegister/{page}", m =>
            {
                m.Filters.Add(new RequirePermissionAttribute(Resource.SupportRegisterEntry, Operation.Update));
                m.Filters.Add(new SupportEntryFilter());
            });
        // The C(E)TR forms (book, the C(E)TR itself, discharge, root-cause review): the entry as its forms load it, and its C(E)TR record.
        foreach (var page in new[] { "BookCetr", "CetrRecord", "Discharge", "RootCauseReview" })
            conventions.AddPageApplicationModelConvention($"/SupportRegister/{page}", m =>
            {
                m.Filters.Add(new RequirePermissionAttribute(Resource.SupportRegisterEntry, Operation.Update));
                m.Filters.Add(new SupportEntryFilter());
                m.Filters.Add(new EntryCetrsFilter());
            });
        conventions.AddPageApplicationModelConvention("/SupportRegister/EntryCetrs", m =>
        {
            m.Filters.Add(new RequirePermissionAttribute(Resource.SupportRegisterEntry, Operation.Update));
            m.Filters.Add(new EntryCetrsFilter());
        });
    }

    /// <summary>The entry's C(E)TR forms: only the unit and the lead practitioner (the full reader who may update it).</summary>
    public static SupportEntryView Updatable(HttpContext http)
    {
        var entry = http.Loaded<SupportEntryView>();
        if (!entry.MayUpdate || !entry.Full) throw new ForbiddenException(Cetrs.ResourceType, entry.Id.ToString(), "C(E)TRs are the complex-needs unit's and the lead practitioner's only");
        return entry;
    }

    public static string Describe(CetrKind kind) => kind switch
    {
        CetrKind.Community => "Community C(E)TR",
        CetrKind.EmergencyProtocol => "Local-area emergency protocol meeting",
        CetrKind.PostAdmission => "Post-admission C(E)TR",
        _ => "Inpatient C(E)TR",
    };

    public static string Describe(CetrClockKind kind) => kind switch
    {
        CetrClockKind.Referral => "C(E)TR referral",
        CetrClockKind.PostAdmission => "Post-admission C(E)TR",
        _ => "Inpatient C(E)TR",
    };

    public static string Describe(Core.Meetings.PanelRole role) => role switch
    {
        Core.Meetings.PanelRole.Chair => "Chair",
        Core.Meetings.PanelRole.IndependentClinicalExpert => "Independent clinical expert",
        Core.Meetings.PanelRole.ExpertByExperience => "Expert by experience",
        Core.Meetings.PanelRole.Family => "Family",
        Core.Meetings.PanelRole.Education => "Education",
        Core.Meetings.PanelRole.Health => "Health",
        _ => "Care",
    };
}

/// <summary>An entry's C(E)TRs and admissions, for the unit and the lead practitioner only (audited), on GET and POST alike.</summary>
public sealed class EntryCetrsFilter : LoadRecordFilter<EntryCetrsView>
{
    protected override string ResourceType => Cetrs.ResourceType;

    protected override Task<EntryCetrsView?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<Cetrs>().OpenAsync(id, process, ct);
}
