using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Microsoft.Extensions.Options;

namespace Safeguarding.Core.Meetings;

public sealed record SeriesOptions(
    string Name, MeetingKind Kind, Cadence Cadence, LocalDate FirstDate, LocalTime StartTime, int DurationMinutes,
    Guid ChairOrganisationId, IReadOnlyCollection<Guid> MemberOrganisationIds, Guid? ChairUserId = null, string? Location = null,
    IReadOnlyCollection<Guid>? RepresentativeUserIds = null, int? CasesPerMeeting = null);

/// <summary>
/// One page of the meetings the actor or their organisation is invited to: the coming ones (planned, on or after
/// <paramref name="Today"/>), soonest first, or the others, latest first.
/// </summary>
public sealed record MyMeetingsOptions(bool Coming, LocalDate Today, PageOptions Page);

/// <summary>A meeting on a "my meetings" list: when, which series, and whether the actor is invited by name.</summary>
public sealed record MyMeeting(Guid MeetingId, string SeriesName, LocalDate Date, Instant StartsAt, MeetingStatus Status, bool InvitedByName, bool MinutesWritten);

/// <summary>The series' meeting on or after a date.</summary>
public sealed record NextMeetingOptions(Guid SeriesId, LocalDate OnOrAfter);

public sealed record AttendeeOptions(Guid MeetingId, Guid OrganisationId, string Name, Guid? UserId = null, string? Email = null);

public sealed record AgendaItemOptions(Guid MeetingId, SubjectKind SubjectKind, Guid? SubjectPersonId, string? SubjectDescription, string Reason,
    string? SourceType = null, Guid? SourceId = null);

/// <summary>What one agency's records hold about an item's subject.</summary>
public sealed record ResearchOptions(Guid AgendaItemId, string Findings);

/// <summary>Who came, by attendee id; the meeting is then held.</summary>
public sealed record AttendanceOptions(Guid MeetingId, IReadOnlyDictionary<Guid, bool> AttendedByAttendeeId);

public sealed record RecordDecisionOptions(Guid AgendaItemId, string Decision);

/// <summary>An action agreed at a meeting, on one of its items or the meeting as a whole.</summary>
public sealed record AddActionOptions(Guid MeetingId, Guid? AgendaItemId, Guid OwnerOrganisationId, string Description, LocalDate DueDate, Guid? OwnerUserId = null);

public sealed record CompleteActionOptions(Guid ActionId, string? Note);

/// <summary>One page of the overdue actions, of one kind of meeting or all.</summary>
public sealed record OverdueActionsOptions(PageOptions Page, MeetingKind? Kind = null);

/// <summary>The approved minutes and the organisations that may read them.</summary>
public sealed record MinutesOptions(Guid MeetingId, string Minutes, IReadOnlyCollection<Guid> Distribution);

/// <summary>An agenda item as one viewer may see it: subject, reason and research only for current attendees.</summary>
public sealed record AgendaItemView(
    Guid Id, int Position, SubjectKind SubjectKind, Guid? SubjectPersonId, string? SubjectName, string? Reason,
    IReadOnlyList<AgencyResearch> Research, IReadOnlyList<MeetingDecision> Decisions);

public sealed record MeetingView(Meeting Meeting, MeetingSeries Series, bool SubjectsVisible, IReadOnlyList<AgendaItemView> Items);

/// <summary>What a calendar invitation holds: the meeting's time and place, never its agenda.</summary>
public sealed record MeetingInvitation(Meeting Meeting, MeetingSeries Series);

/// <summary>
/// The meeting engine: series and their dates, invitations, agendas, each agency's research, attendance, decisions,
/// actions and minutes. Agenda subjects are shown only to a meeting's current attendees, and every view is audited.
/// </summary>
public sealed class MeetingRecords(SafeguardingDbContext db, IOptions<DeploymentOptions>? deployment = null)
{
    public const string ResourceType = nameof(Meeting);
    public const string MinutesResourceType = "MeetingMinutes";
    public const string InvitationResourceType = "MeetingInvitation";
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    public async Task<MeetingSeries> CreateSeriesAsync(SeriesOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Create);
        if (!Whole(actor, Operation.Create) && options.ChairOrganisationId != actor.OrganisationId)
            throw new ForbiddenException(ResourceType, null, "Meeting Create for one's own organisation makes series it chairs only.");
        if (string.IsNullOrWhiteSpace(options.Name)) throw new ArgumentException("A series needs a name.", nameof(options));
        if (options.DurationMinutes is < 5 or > 8 * 60) throw new ArgumentException("A meeting lasts between 5 minutes and 8 hours.", nameof(options));
        if (options.CasesPerMeeting is < 1 or > 200) throw new ArgumentException("A meeting hears between 1 and 200 cases.", nameof(options));
        var memberIds = options.MemberOrganisationIds.Append(options.ChairOrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().CountAsync(o => memberIds.Contains(o.Id) && o.PartnershipId == actor.PartnershipId, ct);
        if (organisations != memberIds.Count) throw new ArgumentException("Every member agency must be an organisation of the partnership.", nameof(options));
        var repIds = (options.RepresentativeUserIds ?? []).Select(id => (Guid?)id).Append(options.ChairUserId).OfType<Guid>().Distinct().ToList();
        // A representative speaks for their own organisation, which must be a member.
        var representatives = await db.Users.AsNoTracking().Where(u => repIds.Contains(u.Id) && u.PartnershipId == actor.PartnershipId && !u.IsDisabled)
            .Select(u => new { u.Id, u.OrganisationId }).ToListAsync(ct);
        if (representatives.Count != repIds.Count || representatives.Any(r => !memberIds.Contains(r.OrganisationId)))
            throw new ArgumentException("Each representative must be a user of one of the member agencies.", nameof(options));
        var series = new MeetingSeries
        {
            PartnershipId = actor.PartnershipId,
            Name = options.Name.Trim(),
            Kind = options.Kind,
            Cadence = options.Cadence,
            FirstDate = options.FirstDate,
            StartTime = options.StartTime,
            DurationMinutes = options.DurationMinutes,
            ChairOrganisationId = options.ChairOrganisationId,
            ChairUserId = options.ChairUserId,
            Location = options.Location,
            CasesPerMeeting = options.CasesPerMeeting,
            Members = memberIds.Select(o => new SeriesMember { OrganisationId = o }).ToList(),
            Representatives = representatives.Select(r => new SeriesRepresentative { OrganisationId = r.OrganisationId, UserId = r.Id }).ToList(),
        };
        db.Process = process;
        db.Add(series);
        await db.SaveChangesAsync(ct);
        return series;
    }

    /// <summary>
    /// How many cases a meeting has on its agenda and how many more it may take (its series' cases per meeting; no limit
    /// when the series sets none). For the services that list cases, which check their own grants first.
    /// </summary>
    public async Task<(int Listed, int PlacesLeft)> PlacesAsync(Meeting meeting, CancellationToken ct = default)
    {
        var meetingId = meeting.Id;
        var capacity = await db.MeetingSeries.AsNoTracking().Where(s => s.Id == meeting.SeriesId).Select(s => s.CasesPerMeeting).SingleAsync(ct);
        var listed = await db.Set<AgendaItem>().CountAsync(i => i.MeetingId == meetingId, ct);
        return (listed, capacity is { } cases ? Math.Max(0, cases - listed) : int.MaxValue);
    }

    /// <summary>The series' next meeting on or after a date, created (with no attendees yet) when it does not exist.</summary>
    public async Task<Meeting> NextMeetingAsync(NextMeetingOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (seriesId, onOrAfter) = options;
        var series = await db.Set<MeetingSeries>().SingleAsync(s => s.Id == seriesId && s.PartnershipId == actor.PartnershipId, ct);
        var date = MeetingCadence.NextOnOrAfter(series.Cadence, series.FirstDate, onOrAfter);
        var existing = await db.Set<Meeting>().SingleOrDefaultAsync(m => m.SeriesId == seriesId && m.Date == date, ct);
        if (existing is not null) return existing;
        Demand(actor, Operation.Create);
        if (!Whole(actor, Operation.Create) && series.ChairOrganisationId != actor.OrganisationId)
            throw new ForbiddenException(ResourceType, null, "Meeting Create for one's own organisation adds meetings to series it chairs only.");
        var starts = date.At(series.StartTime).InZoneLeniently(London).ToInstant();
        var meeting = new Meeting
        {
            PartnershipId = series.PartnershipId,
            SeriesId = series.Id,
            Date = date,
            StartsAt = starts,
            EndsAt = starts + Duration.FromMinutes(series.DurationMinutes),
            Status = MeetingStatus.Planned,
        };
        db.Process = process;
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    public async Task<MeetingAttendee> InviteAsync(AttendeeOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        await DemandArrangesAsync(actor, options.MeetingId, ct);
        var meeting = await OwnMeetingAsync(actor, options.MeetingId, ct);
        var attendee = new MeetingAttendee
        {
            MeetingId = meeting.Id, OrganisationId = options.OrganisationId, UserId = options.UserId, Name = options.Name.Trim(), Email = options.Email,
        };
        db.Process = process;
        db.Add(attendee);
        await db.SaveChangesAsync(ct);
        return attendee;
    }

    /// <summary>
    /// Invites every member agency. Each named representative not yet invited becomes an attendee (the meeting is on
    /// their "my meetings", with its agenda); an agency with no representative named is invited as an agency (on its
    /// people's "my meetings", without the agenda until the chair names who comes) and its people who may attend
    /// meetings are told. Every email holds a link only: nothing of the agenda, no one's name. Returns how many attendees
    /// were added.
    /// </summary>
    public async Task<int> InviteRepresentativesAsync(Guid meetingId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        DemandRunsMeetings(actor);
        var meeting = await OwnMeetingAsync(actor, meetingId, ct, withAttendees: true);
        var series = await db.Set<MeetingSeries>().AsNoTracking().Include(s => s.Representatives).Include(s => s.Members).AsSplitQuery().SingleAsync(s => s.Id == meeting.SeriesId, ct);
        var current = meeting.Attendees.Where(a => a.RemovedAt == null).ToList();
        var invited = current.Where(a => a.UserId != null).Select(a => a.UserId!.Value).ToHashSet();
        var wanted = series.Representatives.Select(r => r.UserId).Where(u => !invited.Contains(u)).ToList();
        var users = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id) && !u.IsDisabled)
            .Select(u => new { u.Id, u.OrganisationId, u.DisplayName, u.Email }).ToListAsync(ct);
        var represented = series.Representatives.Select(r => r.OrganisationId).ToHashSet();
        var unnamed = series.Members.Select(m => m.OrganisationId)
            .Where(o => !represented.Contains(o) && current.All(a => a.OrganisationId != o)).ToList();
        var agencies = await db.Organisations.AsNoTracking().Where(o => unnamed.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var attends = RoleCatalogue.All.Where(r => RoleCatalogue.GrantsOf(r).Any(g => g is { Resource: Resource.Meeting, Operation: Operation.Read })).ToList();
        var agencyPeople = await db.Users.AsNoTracking()
            .Where(u => unnamed.Contains(u.OrganisationId) && !u.IsDisabled && u.Email != null && u.Roles.Any(r => attends.Contains(r.Role)))
            .Select(u => new { u.Id, u.OrganisationId, u.Email }).ToListAsync(ct);
        var outbox = new Platform.Outbox.Outbox(db);
        var subject = $"Invitation: {series.Name} on {meeting.Date:d MMMM yyyy}";
        foreach (var u in users)
        {
            db.Add(new MeetingAttendee { MeetingId = meeting.Id, OrganisationId = u.OrganisationId, UserId = u.Id, Name = u.DisplayName, Email = u.Email });
            if (!string.IsNullOrEmpty(u.Email))
                outbox.QueueEmail(meeting.PartnershipId, u.Email, new Platform.Outbox.EmailContent(subject,
                        $"You are invited to a multi-agency meeting. The details and the agenda are in Safeguarding Hub, for invited attendees only:\n\n{Link($"/meetings/{meeting.Id}")}"),
                    $"meeting-invitation/{meeting.Id:N}/{u.Id:N}", "meeting invitation", meeting.Id);
        }
        foreach (var o in agencies)
        {
            db.Add(new MeetingAttendee { MeetingId = meeting.Id, OrganisationId = o.Id, Name = o.Name });
            foreach (var p in agencyPeople.Where(p => p.OrganisationId == o.Id))
                outbox.QueueEmail(meeting.PartnershipId, p.Email!, new Platform.Outbox.EmailContent(subject,
                        $"Your agency is invited to a multi-agency meeting and has no one named to attend. Tell the chair who will come; the agenda is shown to named attendees only. The meeting is on your list in Safeguarding Hub:\n\n{Link("/meetings/mine")}"),
                    $"meeting-invitation/{meeting.Id:N}/{p.Id:N}", "meeting invitation", meeting.Id);
        }
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return users.Count + agencies.Count;
    }

    /// <summary>
    /// One page of the meetings the actor is invited to by name, or their organisation is, with the true total: dates
    /// and series only, nothing of any agenda. Two queries.
    /// </summary>
    public async Task<Paged<MyMeeting>> MyMeetingsAsync(MyMeetingsOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        Demand(actor, Operation.Read);
        var (coming, today, page) = options;
        var userId = actor.UserId;
        var org = actor.OrganisationId;
        var query = db.Set<Meeting>().AsNoTracking().Where(m => m.PartnershipId == actor.PartnershipId
            && m.Attendees.Any(a => a.RemovedAt == null && (a.UserId == userId || a.OrganisationId == org))
            && !db.Set<MeetingSeries>().Any(s => s.Id == m.SeriesId && s.Kind == MeetingKind.CetrReview));
        query = coming
            ? query.Where(m => m.Date >= today && m.Status == MeetingStatus.Planned).OrderBy(m => m.Date).ThenBy(m => m.Id)
            : query.Where(m => m.Date < today || m.Status != MeetingStatus.Planned).OrderByDescending(m => m.Date).ThenBy(m => m.Id);
        return await query
            .Select(m => new MyMeeting(m.Id, db.Set<MeetingSeries>().Where(s => s.Id == m.SeriesId).Select(s => s.Name).First(), m.Date, m.StartsAt, m.Status,
                m.Attendees.Any(a => a.RemovedAt == null && a.UserId == userId), m.MinutesApprovedAt != null))
            .PageAsync(page, ct);
    }

    /// <summary>Ends an attendee's sight of the agenda at once.</summary>
    public async Task RemoveAttendeeAsync(Guid attendeeId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var attendee = await db.Set<MeetingAttendee>()
            .SingleOrDefaultAsync(a => a.Id == attendeeId && db.Set<Meeting>().Any(m => m.Id == a.MeetingId && m.PartnershipId == actor.PartnershipId), ct)
            ?? throw new NotFoundException(nameof(MeetingAttendee), attendeeId.ToString());
        // Whoever arranges the meeting (those who run meetings, or its series' chairing organisation) removes attendees.
        await DemandArrangesAsync(actor, attendee.MeetingId, ct);
        await OwnMeetingAsync(actor, attendee.MeetingId, ct);
        attendee.RemovedAt = db.Clock.GetCurrentInstant();
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    public async Task<AgendaItem> AddAgendaItemAsync(AgendaItemOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var meetingId = options.MeetingId;
        await DemandArrangesAsync(actor, meetingId, ct);
        var meeting = await OwnMeetingAsync(actor, meetingId, ct);
        if (meeting.Status != MeetingStatus.Planned) throw new InvalidOperationException("Items are added to a meeting before it is held.");
        if (options.SubjectPersonId is null && string.IsNullOrWhiteSpace(options.SubjectDescription))
            throw new ArgumentException("An agenda item is about a person, a place, a peer group, a context or a theme.", nameof(options));
        if (string.IsNullOrWhiteSpace(options.Reason)) throw new ArgumentException("Say why the item is on the agenda.", nameof(options));
        var position = await db.Set<AgendaItem>().Where(i => i.MeetingId == meetingId).CountAsync(ct) + 1;
        var item = new AgendaItem
        {
            MeetingId = meetingId, Position = position, SubjectKind = options.SubjectKind, SubjectPersonId = options.SubjectPersonId,
            SubjectDescription = options.SubjectDescription?.Trim(), Reason = options.Reason.Trim(), SourceType = options.SourceType, SourceId = options.SourceId,
        };
        db.Process = process;
        db.Add(item);
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>
    /// Opens a meeting. Anyone the policy lets read meetings sees its date and how many items it has; only a current
    /// attendee sees who the items are about and why. The view is audited either way (a refusal by the host).
    /// </summary>
    public async Task<MeetingView?> OpenAsync(Guid meetingId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var meeting = await db.Set<Meeting>().AsNoTracking()
            .Include(m => m.Attendees).Include(m => m.Agenda).ThenInclude(i => i.Research).Include(m => m.Agenda).ThenInclude(i => i.Decisions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == meetingId && m.PartnershipId == actor.PartnershipId, ct);
        if (meeting is null) return null;
        await RefuseCetrAsync(meeting, ct);
        var allowed = AccessPolicy.Decide(actor, Resource.Meeting, Operation.Read).Allowed;
        var attendee = IsCurrentAttendee(actor, meeting);
        if (!allowed) throw new ForbiddenException(ResourceType, meeting.Id.ToString(), "no role grants Read on Meeting");
        db.QueueAudit(process, AuditActions.Read, ResourceType, meeting.Id.ToString(), AuditOutcome.Allowed,
            attendee ? "agenda subjects shown" : "not an attendee: agenda subjects withheld");
        await db.SaveChangesAsync(ct);

        var series = await db.Set<MeetingSeries>().AsNoTracking().SingleAsync(s => s.Id == meeting.SeriesId && s.PartnershipId == actor.PartnershipId, ct);
        var personIds = meeting.Agenda.Where(i => i.SubjectPersonId != null).Select(i => i.SubjectPersonId!.Value).ToList();
        // Even an attendee sees a sealed subject's name only with leave to read sealed records; the item stays on the agenda.
        var names = attendee ? await SealedPeople.NamesAsync(db, actor, personIds, ct) : [];
        var items = meeting.Agenda.OrderBy(i => i.Position).Select(i => attendee
                ? new AgendaItemView(i.Id, i.Position, i.SubjectKind, i.SubjectPersonId,
                    i.SubjectPersonId is { } p && names.TryGetValue(p, out var n) ? n : i.SubjectDescription, i.Reason,
                    [.. i.Research.OrderBy(r => r.AddedAt)], [.. i.Decisions.OrderBy(d => d.RecordedAt)])
                : new AgendaItemView(i.Id, i.Position, i.SubjectKind, null, null, null, [], []))
            .ToList();
        return new MeetingView(meeting, series, attendee, items);
    }

    /// <summary>
    /// The calendar invitation, for a current attendee or those who run the partnership's meetings: that someone meets
    /// about someone on a date is itself sensitive. Null when the partnership has no such meeting; the download is
    /// audited, a refusal by the host.
    /// </summary>
    public async Task<MeetingInvitation?> InvitationAsync(Guid meetingId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var meeting = await db.Set<Meeting>().AsNoTracking().Include(m => m.Attendees)
            .SingleOrDefaultAsync(m => m.Id == meetingId && m.PartnershipId == actor.PartnershipId, ct);
        if (meeting is null) return null;
        await RefuseCetrAsync(meeting, ct);
        var runsMeetings = actor.Grants.Any(g => g is { Resource: Resource.Meeting, Operation: Operation.Read, Scope: Scope.WholePartnership });
        if (!runsMeetings && !(actor.HasAny(Resource.Meeting, Operation.Read) && IsCurrentAttendee(actor, meeting)))
            throw new ForbiddenException(InvitationResourceType, meeting.Id.ToString(), "not an attendee of the meeting");
        db.QueueAudit(process, AuditActions.Read, InvitationResourceType, meeting.Id.ToString(), AuditOutcome.Allowed);
        await db.SaveChangesAsync(ct);
        var series = await db.Set<MeetingSeries>().AsNoTracking().SingleAsync(s => s.Id == meeting.SeriesId && s.PartnershipId == actor.PartnershipId, ct);
        return new MeetingInvitation(meeting, series);
    }

    /// <summary>What one agency's records hold about an item's subject; only before the meeting, only by an attendee.</summary>
    public async Task<AgencyResearch> AddResearchAsync(ResearchOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (agendaItemId, findings) = options;
        Demand(actor, Operation.Update);
        var item = await AgendaItemAsync(actor, agendaItemId, ct);
        var meeting = await OwnMeetingAsync(actor, item.MeetingId, ct, withAttendees: true);
        if (!IsCurrentAttendee(actor, meeting)) throw new ForbiddenException(ResourceType, meeting.Id.ToString(), "Only the meeting's attendees add research.");
        var seriesId = meeting.SeriesId;
        if (!await db.Set<SeriesMember>().AnyAsync(m => m.SeriesId == seriesId && m.OrganisationId == actor.OrganisationId, ct))
            throw new ForbiddenException(ResourceType, meeting.Id.ToString(), "Only the series' member agencies add research.");
        var now = db.Clock.GetCurrentInstant();
        if (meeting.Status != MeetingStatus.Planned || now >= meeting.StartsAt)
            throw new InvalidOperationException("Research is added before the meeting starts.");
        if (string.IsNullOrWhiteSpace(findings)) throw new ArgumentException("Say what your records hold, or that they hold nothing.", nameof(options));
        var research = new AgencyResearch { AgendaItemId = item.Id, OrganisationId = actor.OrganisationId, AddedByUserId = actor.UserId, Findings = findings.Trim(), AddedAt = now };
        db.Process = process;
        db.Add(research);
        await db.SaveChangesAsync(ct);
        return research;
    }

    public async Task RecordAttendanceAsync(AttendanceOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (meetingId, attendedByAttendeeId) = options;
        await DemandArrangesAsync(actor, meetingId, ct);
        var meeting = await OwnMeetingAsync(actor, meetingId, ct, withAttendees: true);
        foreach (var a in meeting.Attendees)
            if (attendedByAttendeeId.TryGetValue(a.Id, out var attended)) a.Attended = attended;
        meeting.Status = MeetingStatus.Held;
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    public async Task<MeetingDecision> RecordDecisionAsync(RecordDecisionOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (agendaItemId, decision) = options;
        var item = await AgendaItemAsync(actor, agendaItemId, ct);
        await DemandArrangesAsync(actor, item.MeetingId, ct);
        await OwnMeetingAsync(actor, item.MeetingId, ct);
        if (string.IsNullOrWhiteSpace(decision)) throw new ArgumentException("Write the decision.", nameof(options));
        var d = new MeetingDecision { AgendaItemId = item.Id, Decision = decision.Trim(), RecordedAt = db.Clock.GetCurrentInstant(), RecordedByUserId = actor.UserId };
        db.Process = process;
        db.Add(d);
        await db.SaveChangesAsync(ct);
        return d;
    }

    public async Task<MeetingAction> AddActionAsync(AddActionOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (meetingId, agendaItemId, ownerOrganisationId, description, dueDate, ownerUserId) = options;
        await DemandArrangesAsync(actor, meetingId, ct);
        var meeting = await OwnMeetingAsync(actor, meetingId, ct);
        if (string.IsNullOrWhiteSpace(description)) throw new ArgumentException("Say what is to be done.", nameof(options));
        if (agendaItemId is { } itemId && !await db.Set<AgendaItem>().AnyAsync(i => i.Id == itemId && i.MeetingId == meetingId, ct))
            throw new ArgumentException("That agenda item is not on this meeting.", nameof(options));
        if (dueDate < meeting.Date) throw new ArgumentException("An action cannot be due before the meeting that agreed it.", nameof(options));
        if (ownerUserId is { } owner && !await db.Users.AnyAsync(u => u.Id == owner && u.OrganisationId == ownerOrganisationId && u.PartnershipId == actor.PartnershipId, ct))
            throw new ArgumentException("The named owner must work for the owning organisation.", nameof(options));
        var action = new MeetingAction
        {
            PartnershipId = meeting.PartnershipId, MeetingId = meetingId, AgendaItemId = agendaItemId, OwnerOrganisationId = ownerOrganisationId, OwnerUserId = ownerUserId,
            Description = description.Trim(), DueDate = dueDate, Status = ActionStatus.Open, CreatedAt = db.Clock.GetCurrentInstant(),
        };
        db.Process = process;
        db.Add(action);
        await db.SaveChangesAsync(ct);
        return action;
    }

    /// <summary>The owning organisation (or whoever runs meetings) marks an action done.</summary>
    public async Task CompleteActionAsync(CompleteActionOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (actionId, note) = options;
        var action = await db.Set<MeetingAction>().SingleOrDefaultAsync(a => a.Id == actionId && a.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(nameof(MeetingAction), actionId.ToString());
        if (await db.Set<Meeting>().AnyAsync(m => m.Id == action.MeetingId && db.Set<MeetingSeries>().Any(s => s.Id == m.SeriesId && s.Kind == MeetingKind.CetrReview), ct))
            throw new ForbiddenException(nameof(MeetingAction), actionId.ToString(), "a C(E)TR's recommendation is completed through the support register");
        var runsMeetings = actor.Grants.Any(g => g.Resource == Resource.Meeting && g.Operation == Operation.Update && g.Scope == Scope.WholePartnership);
        var owns = actor.OrganisationId == action.OwnerOrganisationId && actor.HasAny(Resource.Meeting, Operation.Update);
        if (!runsMeetings && !owns) throw new ForbiddenException(nameof(MeetingAction), actionId.ToString(), "Only the owning organisation completes its action.");
        if (action.Status != ActionStatus.Open) throw new InvalidOperationException("The action is already closed.");
        action.Status = ActionStatus.Done;
        action.CompletedAt = db.Clock.GetCurrentInstant();
        action.CompletionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// One page of the open actions past their due date (London calendar), oldest first, with the true total: the whole
    /// partnership's for those who run meetings, otherwise the actor's own organisation's. Two queries.
    /// </summary>
    public async Task<Paged<MeetingAction>> OverdueActionsAsync(OverdueActionsOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (page, kind) = options;
        if (!actor.HasAny(Resource.Meeting, Operation.Read)) throw new ForbiddenException(nameof(MeetingAction), null, "Reading meetings is not granted.");
        var today = db.Clock.GetCurrentInstant().InZone(London).Date;
        var whole = actor.Grants.Any(g => g.Resource == Resource.Meeting && g.Operation == Operation.Read && g.Scope == Scope.WholePartnership);
        var query = db.Set<MeetingAction>().AsNoTracking()
            .Where(a => a.PartnershipId == actor.PartnershipId && a.Status == ActionStatus.Open && a.DueDate < today);
        if (!whole) query = query.Where(a => a.OwnerOrganisationId == actor.OrganisationId);
        // A C(E)TR's recommendations are the support register's (RefuseCetrAsync): not on the meetings' overdue list.
        query = query.Where(a => !db.Set<Meeting>().Any(m => m.Id == a.MeetingId && db.Set<MeetingSeries>().Any(s => s.Id == m.SeriesId && s.Kind == MeetingKind.CetrReview)));
        if (kind is { } k)
            query = query.Where(a => db.Set<Meeting>().Any(m => m.Id == a.MeetingId && db.Set<MeetingSeries>().Any(s => s.Id == m.SeriesId && s.Kind == k)));
        return await query.OrderBy(a => a.DueDate).ThenBy(a => a.Id).PageAsync(page, ct);
    }

    public async Task WriteMinutesAsync(MinutesOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (meetingId, minutes, distribution) = options;
        DemandRunsMeetings(actor);
        var meeting = await OwnMeetingAsync(actor, meetingId, ct);
        if (string.IsNullOrWhiteSpace(minutes)) throw new ArgumentException("The minutes are empty.", nameof(options));
        if (distribution.Count == 0) throw new ArgumentException("Name the organisations that may read the minutes.", nameof(options));
        meeting.Minutes = minutes.Trim();
        meeting.MinutesApprovedAt = db.Clock.GetCurrentInstant();
        var existing = await db.Set<MinutesRecipient>().Where(r => r.MeetingId == meetingId).ToListAsync(ct);
        db.RemoveRange(existing.Where(r => !distribution.Contains(r.OrganisationId)));
        foreach (var org in distribution.Where(o => existing.All(r => r.OrganisationId != o)))
            db.Add(new MinutesRecipient { MeetingId = meetingId, OrganisationId = org });
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Tells each current attendee whose organisation is on the minutes' distribution list that the minutes are ready:
    /// a link only, never the minutes or the agenda. Returns how many notices were queued.
    /// </summary>
    public async Task<int> SendMinutesAsync(Guid meetingId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        DemandRunsMeetings(actor);
        var meeting = await OwnMeetingAsync(actor, meetingId, ct, withAttendees: true);
        if (meeting.MinutesApprovedAt is not { } approved) throw new InvalidOperationException("Write the minutes before sending them.");
        var series = await db.Set<MeetingSeries>().AsNoTracking().SingleAsync(s => s.Id == meeting.SeriesId, ct);
        var recipients = await db.Set<MinutesRecipient>().Where(r => r.MeetingId == meetingId).Select(r => r.OrganisationId).ToListAsync(ct);
        var outbox = new Platform.Outbox.Outbox(db);
        var to = meeting.Attendees.Where(a => a.RemovedAt == null && !string.IsNullOrEmpty(a.Email) && recipients.Contains(a.OrganisationId))
            .DistinctBy(a => a.Email, StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var a in to)
            outbox.QueueEmail(meeting.PartnershipId, a.Email!, new Platform.Outbox.EmailContent($"Minutes: {series.Name} on {meeting.Date:d MMMM yyyy}",
                    $"The minutes of a multi-agency meeting you attend are ready. Read them in Safeguarding Hub:\n\n{Link($"/meetings/{meeting.Id}/minutes")}"),
                $"meeting-minutes/{meeting.Id:N}/{a.Id:N}/{approved.ToUnixTimeTicks()}", "meeting minutes", meeting.Id);
        db.Process = process;
        await db.SaveChangesAsync(ct);
        return to.Count;
    }

    private string Link(string path) => $"{(deployment?.Value ?? new DeploymentOptions()).PublicBaseUrl.TrimEnd('/')}{path}";

    /// <summary>The minutes, for an organisation on their distribution list only; every attempt is audited.</summary>
    public async Task<string?> ReadMinutesAsync(Guid meetingId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var meeting = await db.Set<Meeting>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId && m.PartnershipId == actor.PartnershipId, ct);
        if (meeting is null) return null;
        await RefuseCetrAsync(meeting, ct);
        var onList = actor.HasAny(Resource.Meeting, Operation.Read)
            && await db.Set<MinutesRecipient>().AnyAsync(r => r.MeetingId == meetingId && r.OrganisationId == actor.OrganisationId, ct);
        if (!onList) throw new ForbiddenException(MinutesResourceType, meetingId.ToString(), "organisation is not on the minutes' distribution list");
        db.QueueAudit(process, AuditActions.Read, MinutesResourceType, meetingId.ToString(), AuditOutcome.Allowed);
        await db.SaveChangesAsync(ct);
        return meeting.Minutes;
    }

    /// <summary>An agenda item of a meeting in the actor's partnership; another partnership's is not found.</summary>
    private async Task<AgendaItem> AgendaItemAsync(Actor actor, Guid agendaItemId, CancellationToken ct) =>
        await db.Set<AgendaItem>()
            .SingleOrDefaultAsync(i => i.Id == agendaItemId && db.Set<Meeting>().Any(m => m.Id == i.MeetingId && m.PartnershipId == actor.PartnershipId), ct)
        ?? throw new NotFoundException(nameof(AgendaItem), agendaItemId.ToString());

    private static bool IsCurrentAttendee(Actor actor, Meeting meeting) =>
        actor.UserId is { } userId && meeting.Attendees.Any(a => a.UserId == userId && a.RemovedAt == null);

    private async Task<Meeting> OwnMeetingAsync(Actor actor, Guid meetingId, CancellationToken ct, bool withAttendees = false)
    {
        var query = db.Set<Meeting>().AsQueryable();
        if (withAttendees) query = query.Include(m => m.Attendees);
        var meeting = await query.SingleOrDefaultAsync(m => m.Id == meetingId && m.PartnershipId == actor.PartnershipId, ct)
            ?? throw new KeyNotFoundException("There is no such meeting.");
        await RefuseCetrAsync(meeting, ct);
        return meeting;
    }

    /// <summary>
    /// A C(E)TR is health's record of a child, read and written through the support register under the entry's policy
    /// (SupportRegister/Cetrs): the generic meeting pages never serve one, whatever Meeting grants the reader holds (the
    /// Front Door's partnership-wide grants would otherwise show its panel, the family by name).
    /// </summary>
    private async Task RefuseCetrAsync(Meeting meeting, CancellationToken ct)
    {
        if (await db.Set<MeetingSeries>().AnyAsync(s => s.Id == meeting.SeriesId && s.Kind == MeetingKind.CetrReview, ct))
            throw new ForbiddenException(ResourceType, meeting.Id.ToString(), "a C(E)TR is read and written through the support register");
    }

    /// <summary>Arranging meetings (invitations, agendas, decisions, actions, minutes) is for those who run them.</summary>
    private static void DemandRunsMeetings(Actor actor)
    {
        if (!actor.Grants.Any(g => g.Resource == Resource.Meeting && g.Operation == Operation.Update && g.Scope == Scope.WholePartnership))
            throw new ForbiddenException(ResourceType, null, "Only those who run the partnership's meetings arrange them.");
    }

    /// <summary>
    /// Invitations, agenda items, attendance and actions of one meeting: for those who run the partnership's meetings, or
    /// with Meeting Update for their own organisation, for the meetings of a series their organisation chairs (a
    /// conference chair's ROTH conferences, and no other agency's meetings).
    /// </summary>
    private async Task DemandArrangesAsync(Actor actor, Guid meetingId, CancellationToken ct)
    {
        if (Whole(actor, Operation.Update)) return;
        var organisation = actor.OrganisationId;
        if (actor.Grants.Any(g => g is { Resource: Resource.Meeting, Operation: Operation.Update, Scope: Scope.OwnOrganisation })
            && await db.Set<Meeting>().AnyAsync(m => m.Id == meetingId && m.PartnershipId == actor.PartnershipId
                && db.Set<MeetingSeries>().Any(s => s.Id == m.SeriesId && s.ChairOrganisationId == organisation), ct))
            return;
        throw new ForbiddenException(ResourceType, meetingId.ToString(), "Only those who run the partnership's meetings, or chair this series, arrange them.");
    }

    private static bool Whole(Actor actor, Operation operation) =>
        actor.Grants.Any(g => g.Resource == Resource.Meeting && g.Operation == operation && g.Scope == Scope.WholePartnership);

    private static void Demand(Actor actor, Operation operation)
    {
        if (!actor.HasAny(Resource.Meeting, operation)) throw new ForbiddenException(ResourceType, null, $"{operation} on meetings is not granted.");
    }
}
