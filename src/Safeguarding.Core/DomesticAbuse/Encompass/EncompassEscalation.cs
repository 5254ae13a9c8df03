using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.DomesticAbuse.Encompass;

public sealed record EscalationRun(int Escalated, int Breached);

public sealed record PhoneTheSchoolItem(Guid TaskId, Guid NotificationId, string SettingName, string? SettingUrn, string PoliceReference,
    Instant Deadline, NotificationStatus Status, Instant? DoneAt, string? Note)
{
    public Guid SettingId { get; init; }
    /// <summary>Who to call: the setting's own number, and its designated safeguarding leads with theirs.</summary>
    public string? SettingPhone { get; init; }
    public IReadOnlyList<KeyAdultContact> KeyAdults { get; init; } = [];
}

/// <summary>A setting's Key Adult (designated safeguarding lead or deputy) as the Front Door phones them.</summary>
public sealed record KeyAdultContact(string Name, string? Phone);

/// <summary>One page of the calls, how many are still to make, and the time it was read (for "overdue").</summary>
public sealed record PhoneTheSchoolList(Paged<PhoneTheSchoolItem> Page, int ToDo, Instant Now);

public sealed record BreachItem(Guid NotificationId, string SettingName, string PoliceReference, Instant Deadline, Instant BreachRecordedAt,
    Instant? AcknowledgedAt, string? Reason);

/// <summary>The call to a setting made (with an optional note), or undone.</summary>
public sealed record PhoneCallOptions(Guid TaskId, bool Done, string? Note);

/// <summary>Why a notification was acknowledged late, or never.</summary>
public sealed record BreachReasonOptions(Guid NotificationId, string Reason);

/// <summary>
/// Watches the deadlines: a notification still not acknowledged when its deadline has passed is recorded as a breach,
/// whose reason the Front Door records later, and becomes a "phone the school" task for the Front Door once the
/// partnership's delay after the deadline has passed too (<see cref="EncompassSettings.PhoneTheSchoolDelayMinutes"/>,
/// 0 by default). Never before the deadline: the setting has until then. Replaced (superseded) and acknowledged
/// notifications are left alone.
/// </summary>
public sealed class EncompassEscalation(SafeguardingDbContext db)
{
    public const string ProcessName = "encompass:escalate";

    private static readonly NotificationStatus[] Unacknowledged = [NotificationStatus.Ready, NotificationStatus.Delivered, NotificationStatus.Opened];
    private static readonly NotificationStatus[] Sent = [NotificationStatus.Delivered, NotificationStatus.Opened];

    /// <summary>The scheduled job: idempotent, so every host may run it every minute.</summary>
    public async Task<EscalationRun> RunAsync(CancellationToken ct = default)
    {
        var now = db.Clock.GetCurrentInstant();
        var open = Unacknowledged;
        // Each partnership's own delay: the few settings rows are read once, and the deadlines passed are filtered by them.
        var delays = await db.EncompassSettings.AsNoTracking().ToDictionaryAsync(s => s.PartnershipId, s => Duration.FromMinutes(s.PhoneTheSchoolDelayMinutes), ct);
        var toEscalate = (await db.EncompassNotifications
                .Where(n => open.Contains(n.Status) && n.EscalatedAt == null && n.Deadline <= now).ToListAsync(ct))
            .Where(n => n.Deadline + delays.GetValueOrDefault(n.PartnershipId, Duration.Zero) <= now).ToList();
        foreach (var n in toEscalate)
        {
            n.EscalatedAt = now;
            db.EncompassEscalationTasks.Add(new EscalationTask
            {
                PartnershipId = n.PartnershipId, NotificationId = n.Id, RecipientOrganisationId = n.RecipientOrganisationId,
                Deadline = n.Deadline, CreatedAt = now,
            });
        }
        // A breach is the setting's: only what was sent to it can be one (a notification never sent is the hub's delay).
        var sent = Sent;
        var toBreach = await db.EncompassNotifications
            .Where(n => sent.Contains(n.Status) && n.BreachRecordedAt == null && n.Deadline <= now).ToListAsync(ct);
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

    /// <summary>
    /// One page of the tasks still to do or done in the last day: those to do first, soonest deadline first, with how
    /// many there are in all and how many are still to do, with the numbers to call. Four queries whatever the list holds; the view is audited.
    /// </summary>
    public async Task<PhoneTheSchoolList> TasksAsync(PageOptions page, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Demand(process, "EncompassEscalations");
        var partnership = actor.PartnershipId;
        var now = db.Clock.GetCurrentInstant();
        var since = now - Duration.FromDays(1);
        var tasks =
            from t in db.EncompassEscalationTasks.AsNoTracking()
            join n in db.EncompassNotifications.AsNoTracking() on t.NotificationId equals n.Id
            join o in db.Organisations.AsNoTracking() on t.RecipientOrganisationId equals o.Id
            join i in db.DomesticIncidents.AsNoTracking() on n.IncidentId equals i.Id
            where t.PartnershipId == partnership && (t.DoneAt == null || t.DoneAt >= since)
            select new { t, n.Status, o.Name, o.Urn, o.PhoneNumber, i.PoliceReference };
        var toDo = await tasks.CountAsync(x => x.t.DoneAt == null && x.Status != NotificationStatus.Acknowledged && x.Status != NotificationStatus.Superseded, ct);
        var rows = await tasks
            .OrderBy(x => x.t.DoneAt != null || x.Status == NotificationStatus.Acknowledged || x.Status == NotificationStatus.Superseded)
            .ThenBy(x => x.t.Deadline).ThenBy(x => x.t.Id)
            .Select(x => new PhoneTheSchoolItem(x.t.Id, x.t.NotificationId, x.Name, x.Urn, x.PoliceReference, x.t.Deadline, x.Status, x.t.DoneAt, x.t.Note)
                { SettingId = x.t.RecipientOrganisationId, SettingPhone = x.PhoneNumber })
            .PageAsync(page, ct);
        rows = rows.Select(WithKeyAdults(await KeyAdultsAsync(rows.Items.Select(r => r.SettingId).Distinct().ToList(), ct)));
        // The view was queued by Demand; it and the notifications listed are saved here (they were once queued and never saved).
        await new AuditTrail(db).RecordListedAsync(process, "phone the school", KeyAdultInbox.ResourceType, rows.Items.Select(r => r.NotificationId), ct);
        return new PhoneTheSchoolList(rows, toDo, now);
    }

    /// <summary>The settings' Key Adults who can take the call (not disabled), by setting: one query for a page of calls.</summary>
    private async Task<ILookup<Guid, KeyAdultContact>> KeyAdultsAsync(List<Guid> settings, CancellationToken ct)
    {
        var roles = EncompassDelivery.KeyAdultRoles;
        return (await db.Users.AsNoTracking()
                .Where(u => settings.Contains(u.OrganisationId) && !u.IsDisabled && u.Roles.Any(r => roles.Contains(r.Role)))
                .OrderBy(u => u.DisplayName).Select(u => new { u.OrganisationId, u.DisplayName, u.PhoneNumber }).ToListAsync(ct))
            .ToLookup(u => u.OrganisationId, u => new KeyAdultContact(u.DisplayName, u.PhoneNumber));
    }

    private static Func<PhoneTheSchoolItem, PhoneTheSchoolItem> WithKeyAdults(ILookup<Guid, KeyAdultContact> keyAdults) =>
        item => item with { KeyAdults = [.. keyAdults[item.SettingId]] };

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

    /// <summary>One page of the breaches, those still waiting for a reason first, then the latest deadline first; with the true count.</summary>
    public async Task<Paged<BreachItem>> BreachesAsync(PageOptions page, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Demand(process, "EncompassBreaches");
        var breaches = await Breaches(actor.PartnershipId, null).PageAsync(page, ct);
        await new AuditTrail(db).RecordListedAsync(process, "missed deadlines", KeyAdultInbox.ResourceType, breaches.Items.Select(b => b.NotificationId), ct);
        return breaches;
    }

    /// <summary>One breach, for recording its reason; null when the partnership has no such breach.</summary>
    public async Task<BreachItem?> BreachAsync(Guid notificationId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = Demand(process, "EncompassBreaches");
        var breach = await Breaches(actor.PartnershipId, notificationId).SingleOrDefaultAsync(ct);
        if (breach is not null) new AuditTrail(db).QueueListed(process, "missed deadlines", KeyAdultInbox.ResourceType, [breach.NotificationId]);
        await db.SaveChangesAsync(ct);
        return breach;
    }

    private IQueryable<BreachItem> Breaches(Guid partnership, Guid? only) =>
        from n in db.EncompassNotifications.AsNoTracking()
        join o in db.Organisations.AsNoTracking() on n.RecipientOrganisationId equals o.Id
        join i in db.DomesticIncidents.AsNoTracking() on n.IncidentId equals i.Id
        where n.PartnershipId == partnership && n.BreachRecordedAt != null && (only == null || n.Id == only)
        orderby n.BreachReason != null, n.Deadline descending, n.Id
        select new BreachItem(n.Id, o.Name, i.PoliceReference, n.Deadline, n.BreachRecordedAt!.Value, n.AcknowledgedAt, n.BreachReason);

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
