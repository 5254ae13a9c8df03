using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Outbox;

namespace Safeguarding.Core.DomesticAbuse.Encompass;

/// <summary>Where the product is reached from outside: the link in each email alert.</summary>
public sealed record EncompassDeliveryOptions(string PublicBaseUrl = "http://localhost:5080")
{
    public string InboxLink(Guid notificationId) => $"{PublicBaseUrl.TrimEnd('/')}/domestic-abuse/encompass/inbox/{notificationId}";
}

/// <summary>
/// Turns Ready notifications into delivered ones: each goes into its setting's inbox and, in the same transaction,
/// an email alert for each Key Adult of that setting (and the setting's webhook, when it has one) goes into the
/// outbox. A crash before the commit leaves the notification Ready; after it, the outbox owns the sending.
/// </summary>
public sealed class EncompassDelivery(SafeguardingDbContext db, Outbox outbox, EncompassDeliveryOptions options)
{
    public const string ProcessName = "encompass:deliver";
    public const string About = nameof(EncompassNotification);

    /// <summary>Who reads a setting's notifications: its DSL and deputies, a college's lead, the council's EHE/CME lead.</summary>
    public static readonly Role[] KeyAdultRoles = [Role.SchoolKeyAdult, Role.CollegeSafeguardingLead, Role.EducationLead];

    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly ZonedDateTimePattern DeadlineText = ZonedDateTimePattern.CreateWithInvariantCulture("h:mmtt 'on' dddd d MMMM uuuu", null);

    /// <summary>
    /// Delivers up to <paramref name="batchSize"/> Ready notifications, soonest deadline first; returns how many it
    /// handled (delivered, or replaced by a follow-up).
    /// </summary>
    public async Task<int> DeliverReadyAsync(int batchSize = 200, CancellationToken ct = default)
    {
        var now = db.Clock.GetCurrentInstant();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        List<Guid> ids;
        if (db.Database.IsNpgsql())
        {
            // Several hosts may deliver at once: each takes rows nobody else holds, after the audit chain's lock, which
            // its save needs and a writer of these rows may hold (the other order deadlocks).
            await db.LockAuditChainAsync(ct);
            ids = await db.Database.SqlQuery<Guid>($"""
                SELECT "Id" AS "Value" FROM encompass_notifications
                WHERE "Status" = 'Ready' ORDER BY "Deadline" LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
        }
        else
        {
            // SQLite: the transaction began IMMEDIATE, so this host alone writes until it commits.
            ids = await db.EncompassNotifications.Where(n => n.Status == NotificationStatus.Ready)
                .OrderBy(n => n.Deadline).Select(n => n.Id).Take(batchSize).ToListAsync(ct);
        }
        if (ids.Count == 0) return 0;

        var batch = await db.EncompassNotifications.Where(n => ids.Contains(n.Id)).ToListAsync(ct);
        // A notification already followed up by a later version is replaced, not delivered.
        var followedUp = (await db.EncompassNotifications.AsNoTracking()
            .Where(f => f.FollowsUpNotificationId != null && ids.Contains(f.FollowsUpNotificationId.Value))
            .Select(f => f.FollowsUpNotificationId!.Value).ToListAsync(ct)).ToHashSet();
        var earlierIds = batch.Where(n => n.FollowsUpNotificationId is not null).Select(n => n.FollowsUpNotificationId!.Value).ToList();
        var earlier = await db.EncompassNotifications.Where(n => earlierIds.Contains(n.Id)).ToListAsync(ct);

        var calendars = new Dictionary<Guid, Func<Guid?, SchoolDays>>();
        foreach (var partnershipId in batch.Select(n => n.PartnershipId).Distinct())
            calendars[partnershipId] = await new SchoolCalendars(db).AllAsync(partnershipId, ct);
        var organisationIds = batch.Select(n => n.RecipientOrganisationId).Distinct().ToList();
        var roles = KeyAdultRoles;
        var keyAdults = (await db.Users.AsNoTracking()
                .Where(u => organisationIds.Contains(u.OrganisationId) && !u.IsDisabled && u.Email != null && u.Roles.Any(r => roles.Contains(r.Role)))
                .Select(u => new { u.Id, u.OrganisationId, u.Email })
                .ToListAsync(ct))
            .ToLookup(u => u.OrganisationId);
        var hooks = (await db.WebhookSubscriptions.AsNoTracking()
                .Where(w => organisationIds.Contains(w.OrganisationId) && w.Enabled).ToListAsync(ct))
            .ToDictionary(w => w.OrganisationId);

        foreach (var n in batch)
        {
            if (followedUp.Contains(n.Id))
            {
                n.Status = NotificationStatus.Superseded;
                continue;
            }
            n.Status = NotificationStatus.Delivered;
            n.DeliveredAt = now;
            // Sent late (after a delay in delivery, or made before a pause), it is still never born overdue: due after it is sent.
            n.Deadline = Instant.Max(n.Deadline, EncompassNotification.DueAfter(calendars[n.PartnershipId], n.Recipient, n.RecipientOrganisationId, now, now));
            var email = AlertFor(n);
            foreach (var adult in keyAdults[n.RecipientOrganisationId])
                outbox.QueueEmail(n.PartnershipId, adult.Email!, email, $"encompass/{n.Id:N}/email/{adult.Id:N}", About, n.Id);
            if (hooks.TryGetValue(n.RecipientOrganisationId, out var hook))
                outbox.QueueWebhook(n.PartnershipId, hook, WebhookBody(n), $"encompass/{n.Id:N}/webhook", About, n.Id);
        }
        foreach (var e in earlier.Where(e => e.Status is NotificationStatus.Ready or NotificationStatus.Delivered))
            e.Status = NotificationStatus.Superseded;

        db.Process = new ProcessContext(ProcessName, null, "Operation Encompass delivery", "background", SummariseWrites: true);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return batch.Count;
    }

    /// <summary>Delivers every Ready notification nobody else holds, batch by batch.</summary>
    public async Task<int> DeliverAllReadyAsync(int batchSize = 200, CancellationToken ct = default)
    {
        var total = 0;
        while (!ct.IsCancellationRequested)
        {
            var done = await DeliverReadyAsync(batchSize, ct);
            db.ChangeTracker.Clear();
            if (done == 0) break;
            total += done;
        }
        return total;
    }

    /// <summary>The email alert: that something is waiting and where, by when. No child, no incident, no address.</summary>
    public EmailContent AlertFor(EncompassNotification n) => new(
        "Operation Encompass: a notification is waiting for your setting",
        $"""
        A police notification under Operation Encompass is waiting for you in Safeguarding Hub.

        Open it (you will be asked to sign in):
        {options.InboxLink(n.Id)}

        Please open and acknowledge it before {DeadlineText.Format(n.Deadline.InZone(London)).Replace("AM", "am").Replace("PM", "pm")}.

        This email holds no details on purpose. Do not reply to it.
        """);

    /// <summary>What the setting's own system receives: the notification as its Key Adults see it.</summary>
    public static string WebhookBody(EncompassNotification n) => JsonSerializer.Serialize(new
    {
        type = "encompass.notification",
        notificationId = n.Id,
        followsUpNotificationId = n.FollowsUpNotificationId,
        recipientOrganisationId = n.RecipientOrganisationId,
        deadline = InstantPattern.ExtendedIso.Format(n.Deadline),
        content = JsonSerializer.Deserialize<JsonElement>(n.Content, NotificationContentJson.Options),
    });
}
