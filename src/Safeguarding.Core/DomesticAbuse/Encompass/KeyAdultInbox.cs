using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.DomesticAbuse.Encompass;

public sealed record InboxItem(Guid Id, string ChildName, string PoliceReference, NodaTime.Instant? DeliveredAt, NodaTime.Instant Deadline,
    NotificationStatus Status, bool IsFollowUp)
{
    public bool IsWaiting => Status is NotificationStatus.Delivered or NotificationStatus.Opened;
}

/// <summary>One page of a setting's inbox, how many wait for acknowledgement in all, and the time it was read (for "overdue").</summary>
public sealed record InboxList(Paged<InboxItem> Page, int Waiting, NodaTime.Instant Now);

/// <summary>A notification its Key Adult may read, with what it says and who acknowledged it.</summary>
public sealed record InboxOpening(EncompassNotification Notification, EncompassNotificationContent Content, string? AcknowledgedBy);

/// <summary>The setting has it in hand: the support chosen (keys of <see cref="KeyAdultInbox.SupportChoices"/>) and any notes.</summary>
public sealed record AcknowledgeNotificationOptions(Guid NotificationId, IReadOnlyCollection<string> Choices, string? Notes);

public enum AcknowledgeOutcome
{
    Acknowledged,
    AlreadyAcknowledged,
}

/// <summary>
/// A setting's secure inbox: its Key Adults see their own setting's notifications only, each opening is audited,
/// and they acknowledge with the support they put in place.
/// </summary>
public sealed class KeyAdultInbox(SafeguardingDbContext db)
{
    public const string ResourceType = nameof(EncompassNotification);

    /// <summary>The support a setting can record; "other" needs words of its own.</summary>
    public static readonly IReadOnlyList<(string Key, string Text)> SupportChoices =
    [
        ("check-in", "A trusted adult checked in with the child"),
        ("quiet-space", "A quiet space or time out is available"),
        ("staff-told", "Staff who need to know have been told"),
        ("watching", "Attendance, behaviour and wellbeing are being watched"),
        ("emotional-support", "Emotional support (school counsellor, mental health support team)"),
        ("early-help", "Early help offered to the family"),
        ("social-care", "Referred to children's social care"),
        ("not-in-school", "The child is not in school today: support planned for their return"),
        ("other", "Something else"),
    ];

    /// <summary>
    /// One page of the notifications delivered to the actor's own setting: those waiting for acknowledgement first,
    /// soonest deadline first, then the rest newest first; with the true counts. Four queries whatever the inbox holds.
    /// Reading the list is audited once, and each notification shown is named in the audit trail.
    /// </summary>
    public async Task<InboxList> ListAsync(PageOptions page, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var decision = AccessPolicy.Decide(actor, Resource.EncompassNotification, Operation.Read,
            new RecordFacts(actor.PartnershipId, OwningOrganisationId: actor.OrganisationId));
        db.QueueAudit(process, AuditActions.Read, "EncompassInbox", actor.OrganisationId.ToString(),
            decision.Allowed ? AuditOutcome.Allowed : AuditOutcome.Denied, decision.Allowed ? null : decision.Reason);
        await db.SaveChangesAsync(ct);
        var now = db.Clock.GetCurrentInstant();
        if (!decision.Allowed) return new InboxList(new Paged<InboxItem>([], 0, 1, page.Size), 0, now);

        var partnership = actor.PartnershipId;
        var organisation = actor.OrganisationId;
        var ours = db.EncompassNotifications.AsNoTracking()
            .Where(n => n.PartnershipId == partnership && n.RecipientOrganisationId == organisation && n.Status != NotificationStatus.Ready);
        var waitingQuery = ours.Where(n => n.Status == NotificationStatus.Delivered || n.Status == NotificationStatus.Opened);
        var restQuery = ours.Where(n => n.Status != NotificationStatus.Delivered && n.Status != NotificationStatus.Opened);
        var waiting = await waitingQuery.CountAsync(ct);
        var total = waiting + await restQuery.CountAsync(ct);
        var (number, size, skip) = Paging.Clamp(page, total);
        var fromWaiting = Math.Max(0, Math.Min(size, waiting - skip));
        var rows = fromWaiting == 0 ? [] : await waitingQuery.OrderBy(n => n.Deadline).ThenBy(n => n.Id).Skip(skip).Take(fromWaiting)
            .Select(n => new { n.Id, n.Content, n.DeliveredAt, n.Deadline, n.Status, n.FollowsUpNotificationId }).ToListAsync(ct);
        if (fromWaiting < size && total > waiting)
            rows.AddRange(await restQuery.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Skip(Math.Max(0, skip - waiting)).Take(size - fromWaiting)
                .Select(n => new { n.Id, n.Content, n.DeliveredAt, n.Deadline, n.Status, n.FollowsUpNotificationId }).ToListAsync(ct));
        await new AuditTrail(db).RecordListedAsync(process, "Encompass inbox", ResourceType, rows.Select(r => r.Id), ct);
        var items = rows.Select(r =>
        {
            var c = ContentOf(r.Content);
            return new InboxItem(r.Id, $"{c.ChildGivenName} {c.ChildFamilyName}", c.PoliceReference, r.DeliveredAt, r.Deadline, r.Status, r.FollowsUpNotificationId is not null);
        }).ToList();
        return new InboxList(new Paged<InboxItem>(items, total, number, size), waiting, now);
    }

    /// <summary>
    /// Opens one notification: null when there is none in the partnership; refused (the host audits the denial) when it
    /// is another setting's; the allowed read is audited and the first opening recorded.
    /// </summary>
    public async Task<InboxOpening?> OpenAsync(Guid id, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var partnership = actor.PartnershipId;
        var n = await db.EncompassNotifications.SingleOrDefaultAsync(x => x.Id == id && x.PartnershipId == partnership && x.Status != NotificationStatus.Ready, ct);
        if (n is null) return null;

        var decision = Decide(actor, n, Operation.Read);
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, n.Id.ToString(), decision.Reason);
        db.QueueAudit(process, AuditActions.Read, ResourceType, n.Id.ToString(), AuditOutcome.Allowed);
        if (n.FirstOpenedAt is null)
        {
            n.FirstOpenedAt = db.Clock.GetCurrentInstant();
            if (n.Status == NotificationStatus.Delivered) n.Status = NotificationStatus.Opened;
            db.Process = process;
        }
        await db.SaveChangesAsync(ct);
        var acknowledgedBy = n.AcknowledgedByUserId is { } by
            ? await db.Users.AsNoTracking().Where(u => u.Id == by).Select(u => u.DisplayName).SingleOrDefaultAsync(ct)
            : null;
        return new InboxOpening(n, ContentOf(n.Content), acknowledgedBy);
    }

    /// <summary>Records that the setting has it in hand, with the support put in place. Choices are checked by the caller's page.</summary>
    public async Task<AcknowledgeOutcome> AcknowledgeAsync(AcknowledgeNotificationOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (id, choices, notes) = options;
        var partnership = actor.PartnershipId;
        var n = await db.EncompassNotifications.SingleOrDefaultAsync(x => x.Id == id && x.PartnershipId == partnership && x.Status != NotificationStatus.Ready, ct)
            ?? throw new NotFoundException(ResourceType, id.ToString());
        var decision = Decide(actor, n, Operation.Update);
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, n.Id.ToString(), decision.Reason);
        if (n.AcknowledgedAt is not null) return AcknowledgeOutcome.AlreadyAcknowledged;

        var now = db.Clock.GetCurrentInstant();
        n.FirstOpenedAt ??= now;
        n.AcknowledgedAt = now;
        n.AcknowledgedByUserId = actor.UserId;
        n.Status = NotificationStatus.Acknowledged;
        n.SupportChoices = string.Join(',', SupportChoices.Select(c => c.Key).Where(choices.Contains));
        n.SupportNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return AcknowledgeOutcome.Acknowledged;
    }

    /// <summary>
    /// Only the setting the notification was sent to: its Key Adults hold the grant for their own organisation, and the
    /// inbox does not widen to roles that read across the partnership (they use the Front Door's pages).
    /// </summary>
    private static AccessDecision Decide(Actor actor, EncompassNotification n, Operation operation)
    {
        if (n.RecipientOrganisationId != actor.OrganisationId)
            return AccessDecision.Deny("notification was sent to another setting");
        return AccessPolicy.Decide(actor, Resource.EncompassNotification, operation,
            new RecordFacts(n.PartnershipId, OwningOrganisationId: n.RecipientOrganisationId));
    }

    public static EncompassNotificationContent ContentOf(string json) => NotificationContentJson.Read(json);
}
