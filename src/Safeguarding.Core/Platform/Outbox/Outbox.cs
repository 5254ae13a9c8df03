using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.Platform.Outbox;

/// <summary>
/// Queues messages in the caller's unit of work, and lets administrators see and retry deliveries that failed.
/// </summary>
public sealed class Outbox(SafeguardingDbContext db)
{
    public const int DefaultMaxAttempts = 8;

    /// <summary>Adds an email to the context; the caller's save commits it with the change it announces.</summary>
    public OutboxMessage QueueEmail(Guid partnershipId, string to, EmailContent content, string deliveryKey, string about, Guid? aboutId) =>
        Queue(partnershipId, OutboxChannel.Email, to, System.Text.Json.JsonSerializer.Serialize(content), deliveryKey, about, aboutId);

    /// <summary>Adds a signed-JSON post to an organisation's system; the body is signed when it is sent.</summary>
    public OutboxMessage QueueWebhook(Guid partnershipId, WebhookSubscription subscription, string jsonBody, string deliveryKey, string about, Guid? aboutId) =>
        Queue(partnershipId, OutboxChannel.Webhook, subscription.Id.ToString(), jsonBody, deliveryKey, about, aboutId);

    private OutboxMessage Queue(Guid partnershipId, OutboxChannel channel, string destination, string payload, string deliveryKey, string about, Guid? aboutId)
    {
        var now = db.Clock.GetCurrentInstant();
        var message = new OutboxMessage
        {
            PartnershipId = partnershipId,
            Channel = channel,
            Destination = destination,
            Payload = payload,
            DeliveryKey = deliveryKey,
            About = about,
            AboutId = aboutId,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    public async Task<DeliveryCounts> CountsAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Read, null);
        var partnership = actor.PartnershipId;
        var counts = await db.OutboxMessages.AsNoTracking().Where(m => m.PartnershipId == partnership)
            .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(OutboxStatus s) => counts.SingleOrDefault(c => c.Key == s)?.Count ?? 0;
        return new DeliveryCounts(Of(OutboxStatus.Pending), Of(OutboxStatus.Delivered), Of(OutboxStatus.Failed));
    }

    /// <summary>Failed deliveries first, then those still being retried; no payload (it may name a child).</summary>
    public async Task<IReadOnlyList<OutboxMessage>> NeedingAttentionAsync(ProcessContext process, CancellationToken ct = default)
    {
        const int take = 200;
        var actor = process.RequireActor();
        Demand(actor, Operation.Read, null);
        var partnership = actor.PartnershipId;
        var list = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.PartnershipId == partnership && (m.Status == OutboxStatus.Failed || (m.Status == OutboxStatus.Pending && m.Attempts > 0)))
            .OrderBy(m => m.CreatedAt).Take(take).ToListAsync(ct);
        foreach (var m in list) m.Payload = "";
        return [.. list.OrderBy(m => m.Status == OutboxStatus.Failed ? 0 : 1).ThenBy(m => m.CreatedAt)];
    }

    /// <summary>Puts a failed delivery back in the queue for a fresh set of attempts, now.</summary>
    public async Task<bool> RetryAsync(Guid messageId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Update, messageId);
        var partnership = actor.PartnershipId;
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == messageId && m.PartnershipId == partnership, ct);
        if (message is null || message.Status != OutboxStatus.Failed) return false;
        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.ClaimToken = null;
        message.NextAttemptAt = db.Clock.GetCurrentInstant();
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static void Demand(Actor actor, Operation operation, Guid? messageId)
    {
        var decision = AccessPolicy.Decide(actor, Resource.Deliveries, operation);
        if (!decision.Allowed) throw new ForbiddenException(nameof(Resource.Deliveries), messageId?.ToString(), decision.Reason);
    }

    /// <summary>How long to wait before attempt number <paramref name="attemptsMade"/> + 1: doubling, capped.</summary>
    public static Duration Backoff(int attemptsMade, Duration first, Duration cap)
    {
        var factor = Math.Pow(2, Math.Clamp(attemptsMade - 1, 0, 30));
        var ticks = Math.Min(first.BclCompatibleTicks * factor, cap.BclCompatibleTicks);
        return Duration.FromTicks((long)ticks);
    }
}

public sealed record DeliveryCounts(int Waiting, int Delivered, int Failed);

/// <summary>An email's subject and plain text: a link to the product, never personal data.</summary>
public sealed record EmailContent(string Subject, string Text);
