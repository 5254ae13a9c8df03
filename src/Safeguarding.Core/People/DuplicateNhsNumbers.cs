using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.People;

/// <summary>People of one partnership who share an NHS number, to be put before the match-review queue.</summary>
public sealed record DuplicateNhsNumberOptions(Guid PartnershipId, IReadOnlyList<Guid> PersonIds);

/// <summary>
/// Two people with one NHS number are almost certainly one child whose records were not joined. Whoever finds that
/// (a FHIR look-up, say) raises a possible match for the person index's review queue, where a practitioner decides
/// as for any other; the queue holds one open review per pair.
/// </summary>
public sealed class DuplicateNhsNumbers(SafeguardingDbContext db)
{
    public const string HeldBecause = "Two people share one NHS number";

    /// <summary>Adds a review for each person after the first, against the first, unless one is open (the caller saves); how many were added.</summary>
    public async Task<int> QueueReviewsAsync(DuplicateNhsNumberOptions options, CancellationToken ct = default)
    {
        var (partnershipId, personIds) = options;
        var ids = personIds.Distinct().ToList();
        if (ids.Count < 2) return 0;
        var first = ids[0];
        var added = 0;
        foreach (var other in ids.Skip(1))
        {
            // Any review of the pair, open or decided, stands: a decision is not asked for twice.
            var reviewed = await db.MatchReviews.AnyAsync(r => r.PartnershipId == partnershipId
                && (r.CandidatePersonId == first && db.SourceRecords.Any(s => s.Id == r.SourceRecordId && s.PersonId == other)
                    || r.CandidatePersonId == other && db.SourceRecords.Any(s => s.Id == r.SourceRecordId && s.PersonId == first)), ct);
            if (reviewed) continue;
            // A review is a record that arrived against a candidate: the other person's earliest record against the first.
            var (recordId, candidate) = (await EarliestRecordAsync(partnershipId, other, ct), first);
            if (recordId is null) (recordId, candidate) = (await EarliestRecordAsync(partnershipId, first, ct), other);
            if (recordId is null) continue;
            db.MatchReviews.Add(new MatchReview
            {
                PartnershipId = partnershipId, SourceRecordId = recordId.Value, CandidatePersonId = candidate, MatchProbability = 1, MatchWeight = 0,
                HeldBecause = HeldBecause, Evidence = "[]", CreatedAt = db.Clock.GetCurrentInstant(),
            });
            added++;
        }
        return added;
    }

    private Task<Guid?> EarliestRecordAsync(Guid partnershipId, Guid personId, CancellationToken ct) =>
        db.SourceRecords.AsNoTracking().Where(s => s.PersonId == personId && s.PartnershipId == partnershipId)
            .OrderBy(s => s.ReceivedAt).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
}
