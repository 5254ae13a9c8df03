using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.People;

/// <summary>One person's record. Opening it is decided by the policy and audited, allowed or not.</summary>
public sealed class RecordModel(CurrentActor current, PersonRecords records, PersonIndex index, SafeguardingDbContext db) : PageModel
{
    public sealed record AgencyRecord(SourceRecord Record, string Organisation);

    public Person? Person { get; private set; }
    public Household? Household { get; private set; }
    public List<(string Organisation, PersonLinkKind Kind)> Links { get; private set; } = [];
    public List<AgencyRecord> AgencyRecords { get; private set; } = [];
    public List<PersonMerge> Merges { get; private set; } = [];
    public List<(string Name, RelationshipKind Kind, Guid Id)> Relationships { get; private set; } = [];
    public AccessDecision? Decision { get; private set; }
    public bool CanSeeAccessLog { get; private set; }
    public bool CanMerge { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var actor = await current.RequireAsync();
        var opening = await records.OpenAsync(actor, id, await current.ProcessAsync());
        if (!opening.Found) return NotFound();
        Decision = opening.Decision;
        if (!opening.Decision.Allowed)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        Person = opening.Person;
        // A merged person's page leads to the person they were merged into.
        if (Person!.MergedIntoPersonId is { } kept) return Redirect($"/people/{kept}");

        if (Person.HouseholdId is { } householdId)
            Household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == householdId);
        var sources = await index.SourceRecordsOfAsync(Person.Id);
        var orgIds = Person.Links.Select(l => l.OrganisationId).Concat(sources.Select(s => s.OrganisationId)).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        Links = Person.Links.Select(l => (names.GetValueOrDefault(l.OrganisationId, "Unknown organisation"), l.Kind)).ToList();
        AgencyRecords = sources.Select(s => new AgencyRecord(s, names.GetValueOrDefault(s.OrganisationId, "Unknown organisation"))).ToList();
        Merges = await db.PersonMerges.AsNoTracking().Where(m => m.KeptPersonId == Person.Id).OrderByDescending(m => m.At).ToListAsync();
        var personId = Person.Id;
        // Relatives are people too: only those this user may open are named, and naming them is a read of each.
        var related = await db.PersonRelationships.AsNoTracking().Where(r => r.PersonId == personId)
            .Join(db.People.Include(p => p.Links), r => r.RelatedPersonId, p => p.Id, (r, p) => new { r.Kind, Person = p }).ToListAsync();
        var process = await current.ProcessAsync("named as a relative");
        foreach (var r in related)
        {
            var facts = new RecordFacts(r.Person.PartnershipId, r.Person.RecordedByOrganisationId, r.Person.Links.Select(l => l.OrganisationId).ToList(), r.Person.IsSealed);
            if (!AccessPolicy.Decide(actor, Resource.Person, Operation.Read, facts).Allowed) continue;
            Relationships.Add((r.Person.FullName, r.Kind, r.Person.Id));
            db.QueueAudit(process, Safeguarding.Core.Platform.Audit.AuditActions.Read, PersonRecords.ResourceType, r.Person.Id.ToString(),
                Safeguarding.Core.Platform.Audit.AuditOutcome.Allowed, "named as a relative");
        }
        if (Relationships.Count > 0) await db.SaveChangesAsync();
        CanSeeAccessLog = actor.HasAny(Resource.AuditTrail, Operation.Read);
        CanMerge = IndexModel.CanReviewMatches(actor);
        return Page();
    }
}
