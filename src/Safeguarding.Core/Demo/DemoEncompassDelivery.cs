using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Outbox;

namespace Safeguarding.Core.Demo;

public sealed record DemoEncompassDeliverySummary(int Delivered, int Acknowledged, int Opened, int Breached);

/// <summary>
/// After the demo's incidents exist (the intake's demo makes them): the year's notifications are delivered through the
/// real delivery, and their history is written as it would have happened: most opened and acknowledged (a few after
/// the deadline), some only opened, a few missed, each missed deadline a breach, half with a reason from the Front Door.
/// Notifications still due are left for the host's background work. Does nothing when there are no incidents.
/// </summary>
public sealed class DemoEncompassDelivery(SafeguardingDbContext db, EncompassDeliveryOptions options)
{
    private static readonly string[] SupportMixes = ["check-in,staff-told", "check-in,watching", "quiet-space,check-in", "staff-told,watching,emotional-support", "not-in-school", "check-in,early-help"];
    private static readonly string[] BreachReasons =
    [
        "The designated safeguarding lead was absent and no deputy was set up in the hub.",
        "The school's email alerts went to a mailbox nobody was watching; the school has added a deputy.",
        "Notification reached the school after the day started: the incident was recorded late.",
    ];

    public async Task<DemoEncompassDeliverySummary> RunAsync(Guid partnershipId, CancellationToken ct = default)
    {
        var now = db.Clock.GetCurrentInstant();
        if (!await db.EncompassNotifications.AnyAsync(n => n.PartnershipId == partnershipId && n.Status == NotificationStatus.Ready && n.Deadline < now, ct))
            return new DemoEncompassDeliverySummary(0, 0, 0, 0);

        // The history was sent when it was made, in the past: delivering it now would (rightly) give each a deadline after
        // now, so the deadlines it was made with are kept.
        var made = await db.EncompassNotifications.AsNoTracking()
            .Where(n => n.PartnershipId == partnershipId && n.Status == NotificationStatus.Ready && n.Deadline < now)
            .ToDictionaryAsync(n => n.Id, n => n.Deadline, ct);
        await new EncompassDelivery(db, new Outbox(db), options).DeliverAllReadyAsync(ct: ct);
        db.ChangeTracker.Clear();

        // History: only notifications whose deadline has passed and that have none yet (a second run, for the demo's
        // year, leaves the first run's alone); the rest stay as delivered now, for the live inboxes.
        var madeIds = made.Keys.ToList();
        var history = await db.EncompassNotifications
            .Where(n => n.PartnershipId == partnershipId && n.Status == NotificationStatus.Delivered && n.BreachRecordedAt == null && madeIds.Contains(n.Id))
            .ToListAsync(ct);
        foreach (var n in history) n.Deadline = made[n.Id];
        history = [.. history.OrderBy(n => n.Deadline).ThenBy(n => n.Content, StringComparer.Ordinal)];
        var keyAdults = await db.Users.AsNoTracking()
            .Where(u => u.PartnershipId == partnershipId && u.Roles.Any(r => EncompassDelivery.KeyAdultRoles.Contains(r.Role)))
            .Select(u => new { u.Id, u.OrganisationId }).ToListAsync(ct);
        var adultOf = keyAdults.GroupBy(u => u.OrganisationId).ToDictionary(g => g.Key, g => g.First().Id);
        var random = new Random(20261129);
        int acknowledged = 0, opened = 0, breached = 0;
        foreach (var n in history)
        {
            // Delivered soon after the incident reached the hub, like the real background work does.
            var delivered = Min(n.CreatedAt + Duration.FromMinutes(random.Next(1, 4)), n.Deadline - Duration.FromMinutes(5));
            n.DeliveredAt = delivered;
            var roll = random.NextDouble();
            if (roll < 0.86)
            {
                // Most Key Adults acknowledge before the school day starts (they read the alert at home or on arrival);
                // about one in five only during the morning.
                var minutes = random.NextDouble() < 0.8 ? -random.Next(5, 120) : random.Next(5, 180);
                var at = Max(delivered + Duration.FromMinutes(2), n.Deadline + Duration.FromMinutes(minutes));
                n.FirstOpenedAt = at - Duration.FromMinutes(random.Next(1, 6));
                n.AcknowledgedAt = at;
                n.AcknowledgedByUserId = adultOf.TryGetValue(n.RecipientOrganisationId, out var by) ? by : null;
                n.Status = NotificationStatus.Acknowledged;
                n.SupportChoices = SupportMixes[random.Next(SupportMixes.Length)];
                acknowledged++;
            }
            else if (roll < 0.93)
            {
                n.FirstOpenedAt = n.Deadline + Duration.FromMinutes(random.Next(10, 240));
                n.Status = NotificationStatus.Opened;
                opened++;
            }
            if (n.AcknowledgedAt is null || n.AcknowledgedAt > n.Deadline)
            {
                n.EscalatedAt = n.Deadline; // the demo's partnership phones as soon as the deadline passes (the default)
                db.EncompassEscalationTasks.Add(new EscalationTask
                {
                    PartnershipId = n.PartnershipId, NotificationId = n.Id, RecipientOrganisationId = n.RecipientOrganisationId, Deadline = n.Deadline,
                    CreatedAt = n.EscalatedAt.Value, DoneAt = n.EscalatedAt.Value + Duration.FromMinutes(random.Next(5, 25)),
                });
                n.BreachRecordedAt = n.Deadline;
                n.BreachReason = random.NextDouble() < 0.5 ? BreachReasons[random.Next(BreachReasons.Length)] : null;
                breached++;
            }
        }
        // Their email alerts went at the time.
        var ids = history.Select(n => n.Id).ToList();
        var sent = await db.OutboxMessages.Where(m => m.AboutId != null && ids.Contains(m.AboutId.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, OutboxStatus.Delivered).SetProperty(m => m.Attempts, 1).SetProperty(m => m.DeliveredAt, now), ct);
        db.Process = new ProcessContext("demo:encompass delivery", null, "demonstration history", "local", SummariseWrites: true);
        // A bulk update passes the change tracker by: its entry is written by hand, summarised like the rest of this save.
        db.QueueAudit(db.Process, AuditActions.Update, nameof(OutboxMessage), null, AuditOutcome.Allowed, $"{sent} records: changed Status, Attempts, DeliveredAt");
        await db.SaveChangesAsync(ct);
        return new DemoEncompassDeliverySummary(history.Count, acknowledged, opened, breached);
    }

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
