using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Platform.Audit;

public sealed record AuditVerification(bool Intact, long EntriesChecked, long? FirstBrokenSequence, string Message);

/// <summary>Records reads and denials, and checks the chain. Writes are recorded by the DbContext itself.</summary>
public sealed class AuditTrail(SafeguardingDbContext db)
{
    /// <summary>Records one event now, in its own save, so that a denial survives the request failing.</summary>
    public async Task RecordAsync(
        ProcessContext context, string action, string resourceType, string? resourceId,
        AuditOutcome outcome, string? details = null, CancellationToken ct = default)
    {
        db.QueueAudit(context, action, resourceType, resourceId, outcome, details);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Who has looked at or changed a record, newest first.</summary>
    public Task<List<AuditEntry>> ForRecordAsync(string resourceType, string resourceId, int take = 500, CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking()
            .Where(e => e.ResourceType == resourceType && e.ResourceId == resourceId)
            .OrderByDescending(e => e.Sequence)
            .Take(take)
            .ToListAsync(ct);

    /// <summary>
    /// Walks the chain from the first entry. Any edited field, deleted entry (in the middle or at the end)
    /// or change of order breaks a hash, a link or the sequence, and the first such entry is named.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var expectedSequence = 1L;
        var previousHash = AuditChain.GenesisHash;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.Sequence != expectedSequence)
                return Broken(expectedSequence - 1, e.Sequence,
                    $"entry {e.Sequence} follows entry {expectedSequence - 1}: entries {expectedSequence} to {e.Sequence - 1} are missing or out of order");
            if (e.PreviousHash != previousHash)
                return Broken(expectedSequence - 1, e.Sequence, $"entry {e.Sequence} does not link to the entry before it (deleted, inserted or reordered)");
            if (AuditChain.ComputeHash(e) != e.Hash)
                return Broken(expectedSequence - 1, e.Sequence, $"entry {e.Sequence} was changed after it was written");
            previousHash = e.Hash;
            expectedSequence++;
            if (expectedSequence % 10_000 == 0) progress?.Report(expectedSequence - 1);
        }

        var checkedCount = expectedSequence - 1;
        var head = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(ct);
        if (head is null)
            return checkedCount == 0
                ? new AuditVerification(true, 0, null, "The audit trail is empty.")
                : Broken(checkedCount, checkedCount, "the chain's head record is missing");
        if (head.LastSequence != checkedCount || head.LastHash != previousHash)
            return Broken(checkedCount, checkedCount + 1,
                $"the chain ends at entry {checkedCount} but its head says {head.LastSequence}: entries at the end were deleted or changed");

        progress?.Report(checkedCount);
        return new AuditVerification(true, checkedCount, null, $"The audit trail is intact: {checkedCount} entries checked.");
    }

    private static AuditVerification Broken(long checkedCount, long sequence, string message) =>
        new(false, checkedCount, sequence, $"The audit trail is broken at entry {sequence}: {message}.");
}
