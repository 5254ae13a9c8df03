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

    /// <summary>
    /// Queues which records a list showed: one entry per record, so that "who has looked at this record" finds each, and
    /// the list's name in Details. The next save writes them.
    /// </summary>
    public void QueueListed(ProcessContext context, string list, string resourceType, IEnumerable<Guid> ids)
    {
        foreach (var id in ids.Distinct())
            db.QueueAudit(context, AuditActions.List, resourceType, id.ToString(), AuditOutcome.Allowed, list);
    }

    /// <summary>Records which records a list showed, now (see <see cref="QueueListed"/>).</summary>
    public async Task RecordListedAsync(ProcessContext context, string list, string resourceType, IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        QueueListed(context, list, resourceType, ids);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Who has looked at or changed any of these records (a person's, and the records about them), newest first.</summary>
    public Task<List<AuditEntry>> ForRecordsAsync(IReadOnlyCollection<string> resourceTypes, IReadOnlyCollection<string> resourceIds, int take = 500,
        CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking()
            .Where(e => resourceTypes.Contains(e.ResourceType) && e.ResourceId != null && resourceIds.Contains(e.ResourceId))
            .OrderByDescending(e => e.Sequence)
            .Take(take)
            .ToListAsync(ct);

    /// <summary>Who has looked at or changed a record, newest first.</summary>
    public Task<List<AuditEntry>> ForRecordAsync(string resourceType, string resourceId, int take = 500, CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking()
            .Where(e => e.ResourceType == resourceType && e.ResourceId == resourceId)
            .OrderByDescending(e => e.Sequence)
            .Take(take)
            .ToListAsync(ct);

    /// <summary>Walks the chain alone: for a database whose installation has never signed a checkpoint.</summary>
    public Task<AuditVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken ct = default) =>
        VerifyAsync(null, progress, ct);

    /// <summary>
    /// Walks the chain from the first entry. Any edited field, deleted entry (in the middle or at the end) or change of
    /// order breaks a hash, a link or the sequence, and the first such entry is named. Then the signed checkpoints, which
    /// someone with the database alone cannot forge: an entry whose hash differs from its checkpoint (the chain was
    /// rewritten and recomputed), or a checkpoint naming an entry the chain no longer has (entries deleted from the end,
    /// or all of them), is named too. An empty chain in a database that holds records is broken as well.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(AuditCheckpointSet? checkpoints, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        checkpoints ??= AuditCheckpointSet.None;
        if (checkpoints.Problem is { } problem)
            return new AuditVerification(false, 0, null, $"The audit trail's checkpoints are broken: {problem}.");
        var signed = checkpoints.Checkpoints.GroupBy(c => c.Sequence).ToDictionary(g => g.Key, g => g.ToList());
        var lastTrusted = 0L;

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
            if (signed.TryGetValue(e.Sequence, out var atThisEntry))
            {
                if (atThisEntry.FirstOrDefault(c => c.Hash != e.Hash) is { } differs)
                    return Broken(expectedSequence - 1, lastTrusted + 1,
                        $"entry {e.Sequence} differs from the checkpoint signed at {differs.At} (line {differs.Line} of {checkpoints.File}): " +
                        $"entries {lastTrusted + 1} to {e.Sequence} were rewritten and their hashes recomputed");
                lastTrusted = e.Sequence;
            }
            previousHash = e.Hash;
            expectedSequence++;
            if (expectedSequence % 10_000 == 0) progress?.Report(expectedSequence - 1);
        }

        var checkedCount = expectedSequence - 1;
        if (checkpoints.Checkpoints.Where(c => c.Sequence > checkedCount).MaxBy(c => c.Sequence) is { } beyond)
            return Broken(checkedCount, checkedCount + 1,
                $"the checkpoint signed at {beyond.At} (line {beyond.Line} of {checkpoints.File}) names entry {beyond.Sequence}, " +
                $"but the chain ends at entry {checkedCount}: entries {checkedCount + 1} to {beyond.Sequence} were deleted");
        if (checkedCount > 0 && checkpoints.File.Length > 0 && checkpoints.Checkpoints.Count == 0)
            return Broken(checkedCount, 1, $"there is no signed checkpoint in {checkpoints.File}, though this installation signs them: the checkpoint file is missing or was emptied");

        var head = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(ct);
        if (head is null)
        {
            if (checkedCount > 0) return Broken(checkedCount, checkedCount, "the chain's head record is missing");
            if (await HoldsRecordsAsync(ct))
                return Broken(0, 1, "the chain is empty, but the database holds partnerships, organisations or users, whose writes are always audited: every entry was deleted");
            return new AuditVerification(true, 0, null, "The audit trail is empty.");
        }
        if (head.LastSequence != checkedCount || head.LastHash != previousHash)
            return Broken(checkedCount, checkedCount + 1,
                $"the chain ends at entry {checkedCount} but its head says {head.LastSequence}: entries at the end were deleted or changed");

        progress?.Report(checkedCount);
        var signedPart = checkpoints.Checkpoints.Count > 0
            ? $" {checkpoints.Checkpoints.Count} signed checkpoints match, the last at entry {lastTrusted}."
            : checkpoints.File.Length == 0 ? " No checkpoint key is set up here, so the chain alone was checked." : "";
        return new AuditVerification(true, checkedCount, null, $"The audit trail is intact: {checkedCount} entries checked.{signedPart}");
    }

    private async Task<bool> HoldsRecordsAsync(CancellationToken ct) =>
        await db.Partnerships.AnyAsync(ct) || await db.Organisations.AnyAsync(ct) || await db.Users.AnyAsync(ct);

    private static AuditVerification Broken(long checkedCount, long sequence, string message) =>
        new(false, checkedCount, sequence, $"The audit trail is broken at entry {sequence}: {message}.");
}
