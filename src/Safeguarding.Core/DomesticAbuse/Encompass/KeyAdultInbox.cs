using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.DomesticAbuse.Encompass;

public sealed record InboxItem(Guid Id, string ChildName, string PoliceReference, NodaTime.Instant? DeliveredAt, NodaTime.Instant Deadline,
    NotificationStatus Status, bool IsFollowUp)
{
    public bool IsWaiting => Status is NotificationStatus.Delivered or NotificationStatus.Opened;
    public NodaTime.Instant? AcknowledgedAt { get; init; }
    /// <summary>The child's record in the person index, when the police's child was matched to one.</summary>
    public Guid? ChildPersonId { get; init; }
    /// <summary>Links shown only where the access policy would open them for the reader (the pages check again).</summary>
    public bool MayOpenRecord { get; init; }
    public bool MayOpenAttendance { get; init; }
    /// <summary>What the setting was told about the child before, for other incidents; null when the child is not matched.</summary>
    public EarlierNotifications? Earlier { get; init; }
    /// <summary>The police's later version that replaced or followed this one, if any.</summary>
    public Guid? UpdateId { get; init; }
}

/// <summary>How many other incidents the setting was told about before for this child, and the latest of them.</summary>
public sealed record EarlierNotifications(int Incidents, Guid? LatestId, NodaTime.Instant? LatestSentAt, string? LatestPoliceReference);

/// <summary>The inbox's two views: what waits for acknowledgement, and what is done (acknowledged, or replaced by an update).</summary>
public enum InboxFilter
{
    Waiting,
    Acknowledged,
}

public sealed record InboxListOptions(InboxFilter Filter, PageOptions Page);

/// <summary>One page of one view of a setting's inbox, the true counts of both views, and the time it was read (for "overdue").</summary>
public sealed record InboxList(Paged<InboxItem> Page, InboxFilter Filter, int Waiting, int Acknowledged, NodaTime.Instant Now);

/// <summary>Support given, as the page lists it: when, by whom, what (keys of <see cref="KeyAdultInbox.SupportChoices"/>) and notes.</summary>
public sealed record SupportGiven(NodaTime.Instant At, string? By, IReadOnlyList<string> Choices, string? Notes);

/// <summary>A notification its Key Adult may read, with what it says, who acknowledged it, the support given since, and its update.</summary>
public sealed record InboxOpening(EncompassNotification Notification, EncompassNotificationContent Content, string? AcknowledgedBy)
{
    public IReadOnlyList<SupportGiven> Support { get; init; } = [];
    /// <summary>The later police version's notification to this setting that replaced or followed this one.</summary>
    public Guid? UpdateId { get; init; }
}

/// <summary>
/// "Received, planning support": the setting has it, which stops the deadline clock. Support chosen here (the one-step
/// form some callers still use) is kept with the acknowledgement; the page records support given afterwards with
/// <see cref="AddSupportOptions"/>.
/// </summary>
public sealed record AcknowledgeNotificationOptions(Guid NotificationId, IReadOnlyCollection<string>? Choices = null, string? Notes = null);

/// <summary>Support the setting gave after acknowledging (keys of <see cref="KeyAdultInbox.SupportChoices"/>), added to the earlier entries.</summary>
public sealed record AddSupportOptions(Guid NotificationId, IReadOnlyCollection<string> Choices, string? Notes);

public enum AcknowledgeOutcome
{
    Acknowledged,
    AlreadyAcknowledged,
}

public enum AddSupportOutcome
{
    Added,
    /// <summary>Support follows the acknowledgement: a notification not yet acknowledged (or replaced) takes none.</summary>
    NotAcknowledged,
}

/// <summary>
/// A setting's secure inbox: its Key Adults see their own setting's notifications only, each opening is audited;
/// they acknowledge ("received, planning support", which stops the clock) and then add the support they give.
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
    /// One page of one view of the notifications delivered to the actor's own setting, with the true counts of both views:
    /// waiting (soonest deadline first) or acknowledged (latest first; those the police replaced with an update before they
    /// were read are here too). Each row carries the child's earlier notifications to the setting and whether the reader may
    /// open the child's record and attendance. A fixed number of queries whatever the inbox holds. Reading the list is
    /// audited once, and each notification shown is named in the audit trail.
    /// </summary>
    public async Task<InboxList> ListAsync(InboxListOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (filter, page) = options;
        var decision = AccessPolicy.Decide(actor, Resource.EncompassNotification, Operation.Read,
            new RecordFacts(actor.PartnershipId, OwningOrganisationId: actor.OrganisationId));
        db.QueueAudit(process, AuditActions.Read, "EncompassInbox", actor.OrganisationId.ToString(),
            decision.Allowed ? AuditOutcome.Allowed : AuditOutcome.Denied, decision.Allowed ? null : decision.Reason);
        await db.SaveChangesAsync(ct);
        var now = db.Clock.GetCurrentInstant();
        if (!decision.Allowed) return new InboxList(new Paged<InboxItem>([], 0, 1, page.Size), filter, 0, 0, now);

        var partnership = actor.PartnershipId;
        var organisation = actor.OrganisationId;
        var ours = db.EncompassNotifications.AsNoTracking()
            .Where(n => n.PartnershipId == partnership && n.RecipientOrganisationId == organisation && n.DeliveredAt != null);
        var waitingQuery = ours.Where(n => n.Status == NotificationStatus.Delivered || n.Status == NotificationStatus.Opened);
        var doneQuery = ours.Where(n => n.Status == NotificationStatus.Acknowledged || n.Status == NotificationStatus.Superseded);
        var waiting = await waitingQuery.CountAsync(ct);
        var done = await doneQuery.CountAsync(ct);
        var ordered = filter == InboxFilter.Waiting
            ? waitingQuery.OrderBy(n => n.Deadline).ThenBy(n => n.Id)
            : doneQuery.OrderByDescending(n => n.AcknowledgedAt ?? n.DeliveredAt).ThenBy(n => n.Id);
        var (number, size, skip) = Paging.Clamp(page, filter == InboxFilter.Waiting ? waiting : done);
        var rows = await ordered.Skip(skip).Take(size)
            .Select(n => new { n.Id, n.Content, n.DeliveredAt, n.Deadline, n.Status, n.FollowsUpNotificationId, n.AcknowledgedAt, n.ChildPersonId, n.IncidentId })
            .ToListAsync(ct);
        await new AuditTrail(db).RecordListedAsync(process, "Encompass inbox", ResourceType, rows.Select(r => r.Id), ct);

        var ids = rows.Select(r => r.Id).ToList();
        var updates = await ours.Where(n => n.FollowsUpNotificationId != null && ids.Contains(n.FollowsUpNotificationId.Value))
            .Select(n => new { Of = n.FollowsUpNotificationId!.Value, n.Id, n.CreatedAt }).ToListAsync(ct);
        var updateOf = updates.GroupBy(u => u.Of).ToDictionary(g => g.Key, g => g.MaxBy(u => u.CreatedAt)!.Id);
        var children = rows.Where(r => r.ChildPersonId is not null).Select(r => r.ChildPersonId!.Value).Distinct().ToList();
        var earlier = (await ours.Where(n => n.ChildPersonId != null && children.Contains(n.ChildPersonId.Value))
                .Join(db.DomesticIncidents.AsNoTracking(), n => n.IncidentId, i => i.Id, (n, i) => new { n.Id, n.ChildPersonId, n.DeliveredAt, i.PoliceReference })
                .ToListAsync(ct))
            .ToLookup(n => n.ChildPersonId!.Value);
        var (records, attendance) = await ReadableAsync(actor, children, ct);

        var items = rows.Select(r =>
        {
            var c = ContentOf(r.Content);
            EarlierNotifications? before = null;
            if (r.ChildPersonId is { } child)
            {
                // Other incidents only, counted by police reference: a later version of this incident is this incident.
                var told = earlier[child].Where(e => e.DeliveredAt < r.DeliveredAt && e.PoliceReference != c.PoliceReference).ToList();
                var latest = told.MaxBy(e => e.DeliveredAt);
                before = new EarlierNotifications(told.Select(e => e.PoliceReference).Distinct().Count(), latest?.Id, latest?.DeliveredAt, latest?.PoliceReference);
            }
            return new InboxItem(r.Id, $"{c.ChildGivenName} {c.ChildFamilyName}", c.PoliceReference, r.DeliveredAt, r.Deadline, r.Status, r.FollowsUpNotificationId is not null)
            {
                AcknowledgedAt = r.AcknowledgedAt, ChildPersonId = r.ChildPersonId, Earlier = before, UpdateId = updateOf.TryGetValue(r.Id, out var update) ? update : null,
                MayOpenRecord = r.ChildPersonId is { } p1 && records.Contains(p1), MayOpenAttendance = r.ChildPersonId is { } p2 && attendance.Contains(p2),
            };
        }).ToList();
        return new InboxList(new Paged<InboxItem>(items, filter == InboxFilter.Waiting ? waiting : done, number, size), filter, waiting, done, now);
    }

    /// <summary>
    /// The children whose record and whose attendance the reader may open, decided by the policy with the facts the record
    /// and attendance pages weigh (<see cref="PersonRecords.ReadFacts"/>, <see cref="LearnerAccess.AttendanceFacts"/>).
    /// No break-glass is looked for: the inbox's readers cannot break glass, so a link is at worst missing, never wrong.
    /// </summary>
    private async Task<(HashSet<Guid> Records, HashSet<Guid> Attendance)> ReadableAsync(Actor actor, List<Guid> children, CancellationToken ct)
    {
        if (children.Count == 0) return ([], []);
        var partnership = actor.PartnershipId;
        var people = await db.People.AsNoTracking().Include(p => p.Links).Where(p => p.PartnershipId == partnership && children.Contains(p.Id)).ToListAsync(ct);
        var schools = (await db.Enrolments.AsNoTracking().Where(e => e.PartnershipId == partnership && e.PersonId != null && children.Contains(e.PersonId.Value))
                .Join(db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnership && o.Urn != null), e => e.Urn, o => o.Urn, (e, o) => new { PersonId = e.PersonId!.Value, o.Id })
                .Distinct().ToListAsync(ct))
            .ToLookup(s => s.PersonId, s => s.Id);
        var records = people.Where(p => AccessPolicy.Decide(actor, Resource.Person, Operation.Read, PersonRecords.ReadFacts(p, false)).Allowed).Select(p => p.Id).ToHashSet();
        var attendance = people.Where(p => AccessPolicy.Decide(actor, Resource.Attendance, Operation.Read, LearnerAccess.AttendanceFacts(p, schools[p.Id])).Allowed)
            .Select(p => p.Id).ToHashSet();
        return (records, attendance);
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
        var entries = await db.EncompassSupportEntries.AsNoTracking().Where(e => e.NotificationId == id && e.PartnershipId == partnership)
            .OrderBy(e => e.RecordedAt).ThenBy(e => e.Id).ToListAsync(ct);
        var userIds = entries.Select(e => e.RecordedByUserId).Append(n.AcknowledgedByUserId).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var acknowledgedBy = n.AcknowledgedByUserId is { } by ? names.GetValueOrDefault(by) : null;
        var support = new List<SupportGiven>();
        // Support chosen with the acknowledgement itself (the one-step form) comes first, dated with it.
        if (n.SupportChoices is not null && n.AcknowledgedAt is { } acknowledgedAt)
            support.Add(new SupportGiven(acknowledgedAt, acknowledgedBy, Keys(n.SupportChoices), n.SupportNotes));
        support.AddRange(entries.Select(e => new SupportGiven(e.RecordedAt, e.RecordedByUserId is { } recorder ? names.GetValueOrDefault(recorder) : null, Keys(e.Choices), e.Notes)));
        var recipient = n.RecipientOrganisationId;
        var update = await db.EncompassNotifications.AsNoTracking()
            .Where(u => u.FollowsUpNotificationId == id && u.RecipientOrganisationId == recipient && u.DeliveredAt != null)
            .OrderByDescending(u => u.CreatedAt).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        return new InboxOpening(n, ContentOf(n.Content), acknowledgedBy) { Support = support, UpdateId = update };
    }

    private static string[] Keys(string choices) => choices.Split(',', StringSplitOptions.RemoveEmptyEntries);

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
        if (choices is { Count: > 0 })
        {
            n.SupportChoices = string.Join(',', SupportChoices.Select(c => c.Key).Where(choices.Contains));
            n.SupportNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        }
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return AcknowledgeOutcome.Acknowledged;
    }

    /// <summary>
    /// Adds what the setting has done since acknowledging, dated and signed; earlier entries stay as they were. Choices are
    /// checked by the caller's page; unknown keys are dropped.
    /// </summary>
    public async Task<AddSupportOutcome> AddSupportAsync(AddSupportOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (id, choices, notes) = options;
        var partnership = actor.PartnershipId;
        var n = await db.EncompassNotifications.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.PartnershipId == partnership && x.Status != NotificationStatus.Ready, ct)
            ?? throw new NotFoundException(ResourceType, id.ToString());
        var decision = Decide(actor, n, Operation.Update);
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, n.Id.ToString(), decision.Reason);
        if (n.AcknowledgedAt is null) return AddSupportOutcome.NotAcknowledged;

        db.EncompassSupportEntries.Add(new EncompassSupportEntry
        {
            PartnershipId = partnership, NotificationId = n.Id,
            Choices = string.Join(',', SupportChoices.Select(c => c.Key).Where(choices.Contains)),
            Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
            RecordedAt = db.Clock.GetCurrentInstant(), RecordedByUserId = actor.UserId,
        });
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return AddSupportOutcome.Added;
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
