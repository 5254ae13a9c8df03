using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.Platform.Outbox;

public sealed record OutboxOptions
{
    public int BatchSize { get; init; } = 50;
    /// <summary>How long a claim holds: a dispatcher that dies lets its messages become due again after this.</summary>
    public Duration Lease { get; init; } = Duration.FromMinutes(2);
    public Duration FirstRetryAfter { get; init; } = Duration.FromSeconds(30);
    public Duration LongestRetryAfter { get; init; } = Duration.FromHours(1);
}

public sealed record DispatchResult(int Claimed, int Delivered, int Retrying, int Failed);

/// <summary>A way of sending (SMTP, webhook). Several exist, and the tests add one that fails on purpose.</summary>
public interface IOutboxChannel
{
    OutboxChannel Channel { get; }

    /// <summary>Sends one message or throws; the dispatcher records the outcome.</summary>
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>
/// Claims due messages, sends them one at a time and records each outcome as soon as it is known. Claims are
/// row locks skipped by other dispatchers on PostgreSQL (FOR UPDATE SKIP LOCKED) and the database write lock on
/// SQLite, both inside a short transaction that stamps a claim token and a lease. See ADR-009.
/// </summary>
public sealed class OutboxDispatcher(SafeguardingDbContext db, IEnumerable<IOutboxChannel> channels, OutboxOptions options, ILogger<OutboxDispatcher>? log = null)
{
    public const string ProcessName = "outbox:dispatch";

    private readonly Dictionary<OutboxChannel, IOutboxChannel> _channels = channels.ToDictionary(c => c.Channel);

    /// <summary>Sends one batch of due messages; returns what happened (Claimed 0: nothing was due).</summary>
    public async Task<DispatchResult> DispatchDueAsync(CancellationToken ct = default)
    {
        // One connection for the claim and every mark that follows, rather than one per statement.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await DispatchClaimedAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<DispatchResult> DispatchClaimedAsync(CancellationToken ct)
    {
        var token = Guid.NewGuid();
        var claimed = await ClaimAsync(token, ct);
        if (claimed.Count == 0) return new DispatchResult(0, 0, 0, 0);

        int delivered = 0, retrying = 0, failed = 0;
        for (var i = 0; i < claimed.Count; i++)
        {
            var message = claimed[i];
            if (ct.IsCancellationRequested)
            {
                await ReleaseAsync(claimed.Skip(i).Select(m => m.Id).ToList(), token);
                break;
            }
            Exception? error = null;
            try
            {
                if (!_channels.TryGetValue(message.Channel, out var channel))
                    throw new InvalidOperationException($"No channel is set up for {message.Channel}.");
                await channel.SendAsync(message, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                error = e;
            }
            catch (OperationCanceledException)
            {
                // Stopped while sending: whether it went is unknown, so it stays claimed and is resent (same key) after the lease.
                break;
            }

            if (error is null)
            {
                await MarkDeliveredAsync(message, token);
                delivered++;
            }
            else if (await MarkAttemptFailedAsync(message, token, error))
                failed++;
            else
                retrying++;
        }

        db.QueueAudit(ProcessContext.System(ProcessName), AuditActions.Update, nameof(OutboxMessage), null, AuditOutcome.Allowed,
            $"{claimed.Count} claimed, {delivered} delivered, {retrying} to retry, {failed} failed");
        await db.SaveChangesAsync(CancellationToken.None);
        return new DispatchResult(claimed.Count, delivered, retrying, failed);
    }

    /// <summary>Dispatches batches until nothing is due now.</summary>
    public async Task<int> DispatchAllDueAsync(CancellationToken ct = default)
    {
        var total = 0;
        while (!ct.IsCancellationRequested)
        {
            var result = await DispatchDueAsync(ct);
            total += result.Delivered;
            if (result.Claimed == 0) break;
        }
        return total;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(Guid token, CancellationToken ct)
    {
        var now = db.Clock.GetCurrentInstant();
        var lease = now + options.Lease;
        var batch = options.BatchSize;
        // SQLite: this transaction begins IMMEDIATE, holding the write lock until commit, so no two claims overlap.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            List<Guid> ids;
            if (db.Database.IsNpgsql())
            {
                // The audit chain's lock first, which the claim's audit needs: rows then lock deadlocks against lock then rows.
                await db.LockAuditChainAsync(ct);
                ids = await db.Database.SqlQuery<Guid>($"""
                    SELECT "Id" AS "Value" FROM platform_outbox
                    WHERE "Status" = 'Pending' AND "NextAttemptAt" <= {now}
                    ORDER BY "NextAttemptAt" LIMIT {batch}
                    FOR UPDATE SKIP LOCKED
                    """).ToListAsync(ct);
            }
            else
            {
                ids = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
                    .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(batch).ToListAsync(ct);
            }
            if (ids.Count == 0) return [];
            await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimToken, token)
                .SetProperty(m => m.NextAttemptAt, lease)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
            await AuditAsync(ids, "changed: ClaimToken, NextAttemptAt, Attempts (claimed)", ct);
            await tx.CommitAsync(ct);
        }
        return await db.OutboxMessages.AsNoTracking().Where(m => m.ClaimToken == token)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(ct);
    }

    private Task MarkDeliveredAsync(OutboxMessage message, Guid token)
    {
        var now = db.Clock.GetCurrentInstant();
        return UpdateAuditedAsync([message.Id], "changed: Status, DeliveredAt, ClaimToken, LastError (delivered)", () =>
            db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimToken == token && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Delivered)
                .SetProperty(m => m.DeliveredAt, now)
                .SetProperty(m => m.ClaimToken, (Guid?)null)
                .SetProperty(m => m.LastError, (string?)null), CancellationToken.None));
    }

    /// <summary>Schedules the next attempt with a doubling delay, or gives up after the last: true when it failed for good.</summary>
    private async Task<bool> MarkAttemptFailedAsync(OutboxMessage message, Guid token, Exception error)
    {
        var now = db.Clock.GetCurrentInstant();
        var givesUp = message.Attempts >= message.MaxAttempts;
        var next = now + Outbox.Backoff(message.Attempts, options.FirstRetryAfter, options.LongestRetryAfter);
        // In words for the deliveries page; the technical text (it names servers, not children) to the log.
        var text = DeliveryProblems.InWords(error);
        if (text.Length > 1000) text = text[..1000];
        log?.LogWarning("Delivery {MessageId} attempt {Attempt} failed: {ErrorType}: {ErrorMessage}", message.Id, message.Attempts, error.GetType().Name, error.Message);
        await UpdateAuditedAsync([message.Id], $"changed: Status, NextAttemptAt, ClaimToken, LastError ({(givesUp ? "failed" : "to retry")})", () =>
            db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimToken == token && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, givesUp ? OutboxStatus.Failed : OutboxStatus.Pending)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.ClaimToken, (Guid?)null)
                .SetProperty(m => m.LastError, text), CancellationToken.None));
        return givesUp;
    }

    /// <summary>Hands back messages claimed but not tried (the host is stopping): due again at once, attempt not counted.</summary>
    private Task ReleaseAsync(List<Guid> ids, Guid token)
    {
        var now = db.Clock.GetCurrentInstant();
        return UpdateAuditedAsync(ids, "changed: NextAttemptAt, ClaimToken, Attempts (released)", () =>
            db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.ClaimToken == token && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.ClaimToken, (Guid?)null)
                .SetProperty(m => m.Attempts, m => m.Attempts - 1), CancellationToken.None));
    }

    /// <summary>
    /// A bulk update bypasses the DbContext's own auditing of writes, so its entries are written here, in the same
    /// transaction: the status change and its audit entry land together or not at all.
    /// </summary>
    private async Task UpdateAuditedAsync(IReadOnlyList<Guid> ids, string changed, Func<Task<int>> update)
    {
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        if (await update() > 0) await AuditAsync(ids, changed, CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
    }

    /// <summary>One entry per message, chained by a save inside the caller's transaction.</summary>
    private async Task AuditAsync(IEnumerable<Guid> ids, string changed, CancellationToken ct)
    {
        var process = ProcessContext.System(ProcessName);
        foreach (var id in ids)
            db.QueueAudit(process, AuditActions.Update, nameof(OutboxMessage), id.ToString(), AuditOutcome.Allowed, changed);
        await db.SaveChangesAsync(ct);
    }
}
