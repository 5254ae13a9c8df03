using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.DomesticAbuse.Encompass;

public sealed record EscalationRun(int Escalated, int Breached);

public sealed record PhoneTheSchoolItem(Guid TaskId, Guid NotificationId, string SettingName, string? SettingUrn, string PoliceReference,
    Instant Deadline, NotificationStatus Status, Instant? DoneAt, string? Note);

public sealed record BreachItem(Guid NotificationId, string SettingName, string PoliceReference, Instant Deadline, Instant BreachRecordedAt,
    Instant? AcknowledgedAt, string? Reason);

/// <summary>
/// Watches the deadlines: a notification not acknowledged 30 minutes before its deadline becomes a "phone the school"
/// task for the Front Door; one still not acknowledged at the deadline is recorded as a breach, whose reason the
/// Front Door records later. Replaced (superseded) and acknowledged notifications are left alone.
/// </summary>
/// <summary>The call to a setting made (with an optional note), or undone.</summary>
public sealed record PhoneCallOptions(Guid TaskId, bool Done, string? Note);

/// <summary>Why a notification was acknowledged late, or never.</summary>
public sealed record BreachReasonOptions(Guid NotificationId, string Reason);

public sealed class EncompassEscalation(SafeguardingDbContext db)
{
    public const string ProcessName = "encompass:escalate";
    public static readonly Duration WarningBeforeDeadline = Duration.FromMinutes(30);

    private static readonly NotificationStatus[] Unacknowledged = [NotificationStatus.Ready, NotificationStatus.Delivered, NotificationStatus.Opened];

    /// <summary>The scheduled job: idempotent, so every host may run it every minute.</summary>
    public async Task<EscalationRun> RunAsync(CancellationToken ct = default)
    {
        var now = db.Clock.GetCurrentInstant();
        var horizon = now + WarningBeforeDeadline;
        var open = Unacknowledged;
        var toEscalate = await db.EncompassNotifications
            .Where(n => open.Contains(n.Status) && n.EscalatedAt == null && n.Deadline <= horizon).ToListAsync(ct);
        foreach (var n in toEscalate)
        {
            n.EscalatedAt = now;
            db.EncompassEscalationTasks.Add(new EscalationTask
            {
                PartnershipId = n.PartnershipId, NotificationId = n.Id, RecipientOrganisationId = n.RecipientOrganisationId,
                Deadline = n.Deadline, CreatedAt = now,
            });
        }
        var toBreach = await db.EncompassNotifications
            .Where(n => open.Contains(n.Status) && n.BreachRecordedAt == null && n.Deadline <= now).ToListAsync(ct);
        foreach (var n in toBreach) n.BreachRecordedAt = now;

        if (toEscalate.Count + toBreach.Count == 0) return new EscalationRun(0, 0);
        db.Process = new ProcessContext(ProcessName, null, "Operation Encompass deadlines", "background", SummariseWrites: true);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another host escalated the same notification a moment earlier (one task per notification): its run stands.
            db.ChangeTracker.Clear();
            return new EscalationRun(0, 0);
        }
        return new EscalationRun(toEscalate.Count, toBreach.Count);
    }

    /// <summary>Tasks still to do or done in the last day, soonest deadline first; the view is audited.</summary>
    public async Task<IReadOnlyList<PhoneTheSchoolItem>> TasksAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = Demand(process, "EncompassEscalations");
        var partnership = actor.PartnershipId;
        var since = db.Clock.GetCurrentInstant() - Duration.FromDays(1);
        var rows = await (
                from t in db.EncompassEscalationTasks.AsNoTracking()
                join n in db.EncompassNotifications.AsNoTracking() on t.NotificationId equals n.Id
                join o in db.Organisations.AsNoTracking() on t.RecipientOrganisationId equals o.Id
                join i in db.DomesticIncidents.AsNoTracking() on n.IncidentId equals i.Id
                where t.PartnershipId == partnership && (t.DoneAt == null || t.DoneAt >= since)
                select new { t.Id, NotificationId = n.Id, o.Name, o.Urn, i.PoliceReference, t.Deadline, n.Status, t.DoneAt, t.Note })
            .ToListAsync(ct);
        // The view was queued by Demand; it and the notifications listed are saved here (they were once queued and never saved).
        await new AuditTrail(db).RecordListedAsync(process, "phone the school", KeyAdultInbox.ResourceType, rows.Select(r => r.NotificationId), ct);
        return rows.Select(r => new PhoneTheSchoolItem(r.Id, r.NotificationId, r.Name, r.Urn, r.PoliceReference, r.Deadline, r.Status, r.DoneAt, r.Note))
            .OrderBy(r => r.DoneAt is not null || r.Status is NotificationStatus.Acknowledged or NotificationStatus.Superseded)
            .ThenBy(r => r.Deadline).ToList();
    }

    /// <summary>Marks the call made (with an optional note), or undoes that.</summary>
    public async Task<bool> SetDoneAsync(PhoneCallOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Demand(process, "EncompassEscalations");
        var (taskId, done, note) = options;
        var partnership = actor.PartnershipId;
        var task = await db.EncompassEscalationTasks.SingleOrDefaultAsync(t => t.Id == taskId && t.PartnershipId == partnership, ct);
        if (task is null) return false;
        task.DoneAt = done ? db.Clock.GetCurrentInstant() : null;
        task.DoneByUserId = done ? actor.UserId : null;
        task.Note = done && !string.IsNullOrWhiteSpace(note) ? note.Trim() : task.Note;
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Breaches, those still waiting for a reason first.</summary>
    public async Task<IReadOnlyList<BreachItem>> BreachesAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = Demand(process, "EncompassBreaches");
        var partnership = actor.PartnershipId;
        var rows = await (
                from n in db.EncompassNotifications.AsNoTracking()
                join o in db.Organisations.AsNoTracking() on n.RecipientOrganisationId equals o.Id
                join i in db.DomesticIncidents.AsNoTracking() on n.IncidentId equals i.Id
                where n.PartnershipId == partnership && n.BreachRecordedAt != null
                select new { n.Id, o.Name, i.PoliceReference, n.Deadline, n.BreachRecordedAt, n.AcknowledgedAt, n.BreachReason })
            .ToListAsync(ct);
        var breaches = rows.Select(r => new BreachItem(r.Id, r.Name, r.PoliceReference, r.Deadline, r.BreachRecordedAt!.Value, r.AcknowledgedAt, r.BreachReason))
            .OrderBy(r => r.Reason is not null).ThenByDescending(r => r.Deadline).Take(500).ToList();
        await new AuditTrail(db).RecordListedAsync(process, "missed deadlines", KeyAdultInbox.ResourceType, breaches.Select(b => b.NotificationId), ct);
        return breaches;
    }

    public async Task<bool> RecordBreachReasonAsync(BreachReasonOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Demand(process, "EncompassBreaches");
        var (notificationId, reason) = options;
        var partnership = actor.PartnershipId;
        var n = await db.EncompassNotifications.SingleOrDefaultAsync(x => x.Id == notificationId && x.PartnershipId == partnership && x.BreachRecordedAt != null, ct);
        if (n is null) return false;
        n.BreachReason = reason.Trim();
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The Front Door's review grant, or a refusal; the allowed view is queued for the audit trail.</summary>
    private Actor Demand(ProcessContext process, string what)
    {
        var actor = process.RequireActor();
        var decision = AccessPolicy.Decide(actor, Resource.EncompassNotification, Operation.Review);
        if (!decision.Allowed) throw new ForbiddenException(what, null, decision.Reason);
        db.QueueAudit(process, AuditActions.Read, what, null, AuditOutcome.Allowed);
        return actor;
    }
}
