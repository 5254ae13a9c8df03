using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.People;

/// <summary>The person index's work for the reader: possible matches and held links waiting, each null when their role has no such list.</summary>
public sealed record PeopleWorkCounts(WorkCount? MatchesToReview, WorkCount? HeldLinksToDecide);

/// <summary>A person the reader opened lately and may still open, by name.</summary>
public sealed record RecentPerson(Guid Id, string Name, NodaTime.Instant OpenedAt);

/// <summary>
/// The person index's side of the home page: its queues counted (one COUNT each, scoped as <see cref="MatchReviews.WaitingAsync"/>
/// and <see cref="PersonIndex.WaitingHeldLinksAsync"/> are: a sealed person's items only for those who may read sealed
/// records), and the records the reader opened lately, named, that they may still open.
/// </summary>
public sealed class PeopleWork(SafeguardingDbContext db)
{
    public const int Recent = 5;

    public async Task<PeopleWorkCounts> CountAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var partnership = actor.PartnershipId;
        var mayReadSealed = SealedPeople.MaySee(actor);
        WorkCount? matches = null;
        if (actor.UserId is not null && actor.Grants.Any(g => g is { Resource: Resource.Person, Operation: Operation.Update, Scope: Scope.WholePartnership }))
            matches = new(await db.MatchReviews.AsNoTracking()
                .Where(r => r.PartnershipId == partnership && (r.Decision == null || r.Decision == ReviewDecision.NotSure))
                .Where(r => mayReadSealed || !db.People.Any(p => p.Id == r.CandidatePersonId && p.IsSealed))
                .Join(db.SourceRecords, r => r.SourceRecordId, s => s.Id, (r, s) => s)
                .Where(s => mayReadSealed || !db.People.Any(p => p.Id == s.PersonId && p.IsSealed))
                .CountAsync(ct));
        WorkCount? held = null;
        if (actor.UserId is not null && actor.Grants.Any(g => g is { Resource: Resource.HeldLink, Operation: Operation.Review, Scope: Scope.WholePartnership }))
            held = new(await db.HeldLinks.AsNoTracking().Where(h => h.PartnershipId == partnership && h.Decision == null)
                .Join(db.People, h => h.PersonId, p => p.Id, (h, p) => p)
                .Where(p => mayReadSealed || !p.IsSealed)
                .CountAsync(ct));
        return new PeopleWorkCounts(matches, held);
    }

    /// <summary>
    /// The people the reader opened most recently, named, leaving out anyone they may no longer open (a pupil who left,
    /// a record sealed since, a break-glass that expired) and anyone merged away. Naming them is recorded as a listing.
    /// </summary>
    public async Task<IReadOnlyList<RecentPerson>> RecentAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (actor.UserId is not { } userId) return [];
        var opened = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ActorUserId == userId && e.ResourceType == PersonRecords.ResourceType && e.Action == AuditActions.Read && e.Outcome == AuditOutcome.Allowed)
            .OrderByDescending(e => e.Sequence).Take(50).Select(e => new { e.ResourceId, e.At }).ToListAsync(ct);
        var latest = opened.Where(e => Guid.TryParse(e.ResourceId, out _)).GroupBy(e => Guid.Parse(e.ResourceId!)).Select(g => (Id: g.Key, At: g.First().At)).ToList();
        var ids = latest.Select(l => l.Id).ToList();
        var people = await db.People.AsNoTracking().Include(p => p.Links)
            .Where(p => ids.Contains(p.Id) && p.PartnershipId == actor.PartnershipId && p.MergedIntoPersonId == null).ToDictionaryAsync(p => p.Id, ct);
        var now = db.Clock.GetCurrentInstant();
        var idTexts = ids.Select(i => i.ToString()).ToList();
        var glass = (await db.BreakGlassAccesses.AsNoTracking()
            .Where(b => b.UserId == userId && b.ResourceType == PersonRecords.ResourceType && idTexts.Contains(b.ResourceId) && b.GrantedAt <= now && b.ExpiresAt > now)
            .Select(b => b.ResourceId).ToListAsync(ct)).ToHashSet();
        var recent = latest
            .Where(l => people.TryGetValue(l.Id, out var p) && AccessPolicy.Decide(actor, Resource.Person, Operation.Read,
                new RecordFacts(p.PartnershipId, p.RecordedByOrganisationId, p.Links.Select(k => k.OrganisationId).ToList(), p.IsSealed, glass.Contains(p.Id.ToString()))).Allowed)
            .Take(Recent).Select(l => new RecentPerson(l.Id, people[l.Id].FullName, l.At)).ToList();
        if (recent.Count > 0) await new AuditTrail(db).RecordListedAsync(process, "recently opened", PersonRecords.ResourceType, recent.Select(r => r.Id), ct);
        return recent;
    }
}
