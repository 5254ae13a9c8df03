using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Linkage.Model;

namespace Safeguarding.Core.People;

/// <summary>A possible match waiting, with the record that arrived and who sent it.</summary>
public sealed record WaitingMatch(MatchReview Review, SourceRecord Record, string Organisation);

/// <summary>A possible match opened for a decision: the two people's records side by side, with each field's evidence.</summary>
public sealed record MatchToDecide(
    MatchReview Review, SourceRecord Record, string RecordOrganisation, Person Candidate,
    IReadOnlyList<(SourceRecord Record, string Organisation)> CandidateRecords, IReadOnlyList<FieldEvidence> Evidence);

/// <summary>
/// The queue of possible matches the model would not decide alone. Showing one is a read of the people in it, so
/// both are audited; deciding is <see cref="PersonIndex.DecideAsync"/>.
/// </summary>
public sealed class MatchReviews(SafeguardingDbContext db, PersonIndex index)
{
    /// <summary>
    /// One page of the undecided (or "not sure") possible matches, oldest first, and how many wait in all: two
    /// queries whatever the queue holds.
    /// </summary>
    public async Task<Paged<WaitingMatch>> WaitingAsync(PageOptions page, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, null);
        var partnership = actor.PartnershipId;
        var mayReadSealed = actor.HasAny(Resource.SealedRecord, Operation.Read);
        // A sealed person's possible matches are listed (and counted) only to those who may read sealed records.
        var waiting = await db.MatchReviews.AsNoTracking()
            .Where(r => r.PartnershipId == partnership && (r.Decision == null || r.Decision == ReviewDecision.NotSure))
            .Where(r => mayReadSealed || !db.People.Any(p => p.Id == r.CandidatePersonId && p.IsSealed))
            .Join(db.SourceRecords, r => r.SourceRecordId, s => s.Id, (r, s) => new { r, s })
            .Where(x => mayReadSealed || !db.People.Any(p => p.Id == x.s.PersonId && p.IsSealed))
            .Join(db.Organisations, x => x.s.OrganisationId, o => o.Id, (x, o) => new { x.r, x.s, o.Name })
            .OrderBy(x => x.r.CreatedAt).ThenBy(x => x.r.Id)
            .PageAsync(page, ct);
        var shown = waiting.Select(x => new WaitingMatch(x.r, x.s, x.Name));
        // The list shows names and dates of birth of records waiting: which were listed is recorded, one entry each.
        new AuditTrail(db).QueueListed(process, "possible matches", nameof(MatchReview), shown.Items.Select(w => w.Review.Id));
        await db.SaveChangesAsync(ct);
        return shown;
    }

    /// <summary>One possible match side by side; null when the partnership has no such review.</summary>
    public async Task<MatchToDecide?> OpenAsync(Guid reviewId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, reviewId);
        var partnership = actor.PartnershipId;
        var review = await db.MatchReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reviewId && r.PartnershipId == partnership, ct);
        if (review is null) return null;
        var record = await db.SourceRecords.AsNoTracking().SingleAsync(r => r.Id == review.SourceRecordId && r.PartnershipId == partnership, ct);
        await index.RequireUnsealedAsync(actor, nameof(MatchReview), reviewId, [review.CandidatePersonId, .. record.PersonId is { } p ? [p] : Array.Empty<Guid>()], ct);
        var candidate = await db.People.AsNoTracking().SingleAsync(p => p.Id == review.CandidatePersonId && p.PartnershipId == partnership, ct);
        var candidateRecords = await index.SourceRecordsOfAsync(candidate.Id, partnership, ct);
        var orgIds = candidateRecords.Select(r => r.OrganisationId).Append(record.OrganisationId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var evidence = JsonSerializer.Deserialize<List<FieldEvidence>>(review.Evidence, PersonIndex.EvidenceJson) ?? [];
        // Looking at two people's details side by side is a read of both.
        var reading = process with { Purpose = "match review" };
        db.QueueAudit(reading, AuditActions.Read, PersonRecords.ResourceType, candidate.Id.ToString(), AuditOutcome.Allowed, "match review");
        if (record.PersonId is { } provisional)
            db.QueueAudit(reading, AuditActions.Read, PersonRecords.ResourceType, provisional.ToString(), AuditOutcome.Allowed, "match review");
        await db.SaveChangesAsync(ct);
        return new MatchToDecide(review, record, names.GetValueOrDefault(record.OrganisationId, ""), candidate,
            candidateRecords.Select(r => (r, names.GetValueOrDefault(r.OrganisationId, ""))).ToList(), evidence);
    }

    // Seeing a possible match is limited exactly as deciding it is: whole-partnership Person:Update.
    private static void Demand(Actor actor, Guid? reviewId) => PersonIndex.RequireMerge(actor, nameof(MatchReview), reviewId);
}
