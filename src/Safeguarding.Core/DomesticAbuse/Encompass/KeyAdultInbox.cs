using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.DomesticAbuse.Encompass;

public sealed record InboxItem(Guid Id, string ChildName, string PoliceReference, NodaTime.Instant? DeliveredAt, NodaTime.Instant Deadline,
    NotificationStatus Status, bool IsFollowUp);

public sealed record InboxOpening(bool Found, AccessDecision Decision, EncompassNotification? Notification, EncompassNotificationContent? Content);

public enum AcknowledgeOutcome
{
    Acknowledged,
    NotFound,
    Denied,
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

    /// <summary>Notifications delivered to the actor's own setting, newest first. Reading the list is audited once.</summary>
    public async Task<IReadOnlyList<InboxItem>> ListAsync(Actor actor, ProcessContext process, CancellationToken ct = default)
    {
        var decision = AccessPolicy.Decide(actor, Resource.EncompassNotification, Operation.Read,
            new RecordFacts(actor.PartnershipId, OwningOrganisationId: actor.OrganisationId));
        db.QueueAudit(process, AuditActions.Read, "EncompassInbox", actor.OrganisationId.ToString(),
            decision.Allowed ? AuditOutcome.Allowed : AuditOutcome.Denied, decision.Allowed ? null : decision.Reason);
        await db.SaveChangesAsync(ct);
        if (!decision.Allowed) return [];

        var partnership = actor.PartnershipId;
        var organisation = actor.OrganisationId;
        var rows = await db.EncompassNotifications.AsNoTracking()
            .Where(n => n.PartnershipId == partnership && n.RecipientOrganisationId == organisation && n.Status != NotificationStatus.Ready)
            .OrderByDescending(n => n.CreatedAt).Take(500)
            .Select(n => new { n.Id, n.Content, n.DeliveredAt, n.Deadline, n.Status, n.FollowsUpNotificationId })
            .ToListAsync(ct);
        return rows.Select(r =>
        {
            var c = ContentOf(r.Content);
            return new InboxItem(r.Id, $"{c.ChildGivenName} {c.ChildFamilyName}", c.PoliceReference, r.DeliveredAt, r.Deadline, r.Status, r.FollowsUpNotificationId is not null);
        }).ToList();
    }

    /// <summary>Opens one notification: the policy decides, the attempt is audited, and the first opening is recorded.</summary>
    public async Task<InboxOpening> OpenAsync(Actor actor, Guid id, ProcessContext process, CancellationToken ct = default)
    {
        var partnership = actor.PartnershipId;
        var n = await db.EncompassNotifications.SingleOrDefaultAsync(x => x.Id == id && x.PartnershipId == partnership && x.Status != NotificationStatus.Ready, ct);
        if (n is null) return new InboxOpening(false, AccessDecision.Deny("not found"), null, null);

        var decision = Decide(actor, n, Operation.Read);
        db.QueueAudit(process, AuditActions.Read, ResourceType, n.Id.ToString(),
            decision.Allowed ? AuditOutcome.Allowed : AuditOutcome.Denied, decision.Allowed ? null : decision.Reason);
        if (decision.Allowed && n.FirstOpenedAt is null)
        {
            n.FirstOpenedAt = db.Clock.GetCurrentInstant();
            if (n.Status == NotificationStatus.Delivered) n.Status = NotificationStatus.Opened;
            db.Process = process;
        }
        await db.SaveChangesAsync(ct);
        return decision.Allowed ? new InboxOpening(true, decision, n, ContentOf(n.Content)) : new InboxOpening(true, decision, null, null);
    }

    /// <summary>Records that the setting has it in hand, with the support put in place. Choices are checked by the caller's page.</summary>
    public async Task<AcknowledgeOutcome> AcknowledgeAsync(Actor actor, Guid id, IReadOnlyCollection<string> choices, string? notes,
        ProcessContext process, CancellationToken ct = default)
    {
        var partnership = actor.PartnershipId;
        var n = await db.EncompassNotifications.SingleOrDefaultAsync(x => x.Id == id && x.PartnershipId == partnership && x.Status != NotificationStatus.Ready, ct);
        if (n is null) return AcknowledgeOutcome.NotFound;
        var decision = Decide(actor, n, Operation.Update);
        if (!decision.Allowed)
        {
            db.QueueAudit(process, AuditActions.Update, ResourceType, n.Id.ToString(), AuditOutcome.Denied, decision.Reason);
            await db.SaveChangesAsync(ct);
            return AcknowledgeOutcome.Denied;
        }
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
