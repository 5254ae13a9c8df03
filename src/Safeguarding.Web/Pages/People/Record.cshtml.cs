using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.People;

/// <summary>
/// One person's record, opened by <see cref="PersonFilter"/>: the policy decides and the read is audited; a
/// refusal is answered (and audited) by the host, with break-glass offered where the policy allows it.
/// </summary>
public sealed class RecordModel(CurrentActor current, PersonRecords records, HealthFlagRecords flags) : PageModel
{
    /// <summary>One agency's records from one system, latest first: a child named in twenty incidents is one group, not twenty rows.</summary>
    public sealed record AgencyRecordGroup(string Organisation, string System, IReadOnlyList<SourceRecord> Records);

    public Person? Person { get; private set; }
    public Household? Household { get; private set; }
    public IReadOnlyList<(string Organisation, PersonLinkKind Kind)> Links { get; private set; } = [];
    public IReadOnlyList<AgencyRecordGroup> AgencyRecordGroups { get; private set; } = [];
    public IReadOnlyList<PersonMerge> Merges { get; private set; } = [];
    public IReadOnlyList<(string Name, RelationshipKind Kind, Guid Id)> Relationships { get; private set; } = [];
    public AccessDecision? Decision { get; private set; }
    public bool CanSeeAccessLog { get; private set; }
    public bool CanMerge { get; private set; }
    public bool CanSeeChildProtectionPlan { get; private set; }
    public bool CanSeeAllocation { get; private set; }
    /// <summary>Anyone who may see a child may suggest them for the Dynamic Support Register (the suggestion page checks the child again).</summary>
    public bool CanSuggestForSupportRegister { get; private set; }
    public bool CanSendFrontDoorContact { get; private set; }
    /// <summary>The person's health record flags, newest first; null when the reader may not read them (the section is not shown).</summary>
    public IReadOnlyList<HealthFlag>? HealthFlags { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var opening = HttpContext.Loaded<PersonOpening>();
        (Person, Decision) = (opening.Person, opening.Decision);
        // A merged person's page leads to the person they were merged into.
        if (Person.MergedIntoPersonId is { } kept) return Redirect($"/people/{kept}");

        var details = await records.DetailsAsync(Person, await current.ProcessAsync());
        (Household, Links, Merges, Relationships) = (details.Household, details.Links, details.Merges, details.Relationships);
        AgencyRecordGroups = details.AgencyRecords
            .GroupBy(a => (a.Organisation, a.Record.SourceSystem))
            .Select(g => new AgencyRecordGroup(g.Key.Organisation, g.Key.SourceSystem,
                g.Select(a => a.Record).OrderByDescending(r => r.ReceivedAt).ThenBy(r => r.Id).ToList()))
            .OrderByDescending(g => g.Records[0].ReceivedAt).ThenBy(g => g.Organisation, StringComparer.Ordinal).ThenBy(g => g.System, StringComparer.Ordinal)
            .ToList();
        var actor = await current.RequireAsync();
        CanSeeAccessLog = actor.HasAny(Resource.AuditTrail, Operation.Read);
        CanMerge = IndexModel.CanReviewMatches(actor);
        CanSeeChildProtectionPlan = actor.HasAny(Resource.ChildProtectionPlan, Operation.Read);
        CanSeeAllocation = actor.HasAny(Resource.ChildAllocation, Operation.Read);
        CanSuggestForSupportRegister = actor.HasAny(Resource.SupportRegisterEntry, Operation.Create);
        CanSendFrontDoorContact = actor.HasAny(Resource.FrontDoorContact, Operation.Create);
        HealthFlags = await flags.OnRecordAsync(Person, await current.ProcessAsync());
        return Page();
    }
}
