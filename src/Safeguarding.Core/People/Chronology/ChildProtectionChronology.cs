using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.People.Chronology;

/// <summary>
/// A child's child protection plans for their chronology: a line when each started and when it ended. Read under the
/// plan page's own decision (ChildProtectionPlan Read on the child); that a child is on a plan is itself sensitive (it
/// holds their links, docs/security.md), so a plan hidden from the reader is never counted (ADR-019). One query.
/// </summary>
public sealed class ChildProtectionChronology(SafeguardingDbContext db) : IChronologySource
{
    public IReadOnlyCollection<ChronologyModule> Modules { get; } = [ChronologyModule.ChildProtection];

    public async Task<IReadOnlyList<ChronologyEntry>> EntriesAsync(ChronologyQuery query, CancellationToken ct)
    {
        var (actor, person) = (query.Actor, query.Person);
        var plans = await db.Set<ChildProtectionPlan>().AsNoTracking()
            .Where(p => p.PartnershipId == actor.PartnershipId && p.PersonId == person.Id).ToListAsync(ct);
        var facts = new RecordFacts(person.PartnershipId, person.RecordedByOrganisationId, person.Links.Select(l => l.OrganisationId).ToList(), person.IsSealed);
        var visible = AccessPolicy.Decide(actor, Resource.ChildProtectionPlan, Operation.Read, facts).Allowed;
        var link = visible ? new ChronologyLink(ChronologyLinkKind.ChildProtectionPlan, person.Id) : null;
        var entries = new List<ChronologyEntry>();
        foreach (var p in plans)
        {
            var record = new AuditRecordKey(ChildProtectionPlans.ResourceType, p.Id.ToString());
            entries.Add(new(p.StartDate, null, ChronologyModule.ChildProtection, p.RecordedByOrganisationId,
                $"Child protection plan started ({Category(p.Category)})", record, Resource.ChildProtectionPlan, visible, Sensitive: true, Link: link));
            if (p.EndDate is { } end)
                entries.Add(new(end, null, ChronologyModule.ChildProtection, p.RecordedByOrganisationId,
                    "Child protection plan ended", record, Resource.ChildProtectionPlan, visible, Sensitive: true, Link: link));
        }
        return entries;
    }

    private static string Category(ChildProtectionCategory c) => c switch
    {
        ChildProtectionCategory.Neglect => "neglect",
        ChildProtectionCategory.PhysicalAbuse => "physical abuse",
        ChildProtectionCategory.SexualAbuse => "sexual abuse",
        ChildProtectionCategory.EmotionalAbuse => "emotional abuse",
        _ => "multiple categories",
    };
}
