using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.SupportRegister;

/// <summary>Builds the agenda of the review on or after a date (the series' next meeting then).</summary>
public sealed record BuildReviewOptions(LocalDate OnOrAfter);

/// <summary>A user invited to a review as a member.</summary>
public sealed record InviteReviewMemberOptions(Guid MeetingId, Guid UserId);

/// <summary>A register review on the unit's list: the meeting, its date and status, and how many entries its agenda holds.</summary>
public sealed record ReviewRow(Guid MeetingId, LocalDate Date, MeetingStatus Status, int Entries);

/// <summary>
/// The register's reviews on the meeting engine: one series per partnership (kind <see cref="MeetingKind.RegisterReview"/>),
/// chaired by the complex-needs unit, meeting at the cadence the settings hold (monthly by default). Building a review's
/// agenda puts on it every red and amber entry, every entry whose rating changed since the last review held, and anyone
/// due (a C(E)TR referral due or overdue, a keyworker referral the criteria want and no one made). Decisions, actions,
/// attendance and minutes are the engine's. The review's current attendees read the entries on its agenda while they are
/// attendees (<see cref="IsMemberAsync"/>, weighed in the entry's read decision).
/// </summary>
public sealed class RegisterReviews(SafeguardingDbContext db, SupportRegisterEntries register, IOptions<DeploymentOptions>? deployment = null)
{
    public const string SeriesName = "Dynamic Support Register review";

    /// <summary>
    /// Builds (or tops up) the agenda of the series' meeting on or after a date, creating the series the first time, and
    /// invites the one building it. Only entries on the register (with consent) go on it. Returns the meeting.
    /// </summary>
    public async Task<Guid> BuildAgendaAsync(BuildReviewOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        DemandKeepsRegister(actor);
        var engine = new MeetingRecords(db, deployment);
        var settings = await register.SettingsAsync(actor.PartnershipId, ct);
        var seriesId = await db.MeetingSeries.AsNoTracking().Where(s => s.PartnershipId == actor.PartnershipId && s.Kind == MeetingKind.RegisterReview)
            .OrderBy(s => s.Id).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        if (seriesId is null)
        {
            var first = MeetingCadence.NextWorkingDay(options.OnOrAfter);
            var series = await engine.CreateSeriesAsync(new SeriesOptions(SeriesName, MeetingKind.RegisterReview, settings.ReviewCadence, first,
                new LocalTime(10, 0), 120, actor.OrganisationId, [], actor.UserId), process, ct);
            seriesId = series.Id;
        }
        var meeting = await engine.NextMeetingAsync(new NextMeetingOptions(seriesId.Value, options.OnOrAfter), process, ct);
        if (meeting.Status != MeetingStatus.Planned) throw new InvalidOperationException("That review has been held: build the next one.");
        if (actor.UserId is { } chair && !await db.Set<MeetingAttendee>().AnyAsync(a => a.MeetingId == meeting.Id && a.UserId == chair && a.RemovedAt == null, ct))
            await engine.InviteAsync(new AttendeeOptions(meeting.Id, actor.OrganisationId, actor.Name, chair), process, ct);

        foreach (var (entryId, personId, reason) in await DueOnAgendaAsync(actor.PartnershipId, meeting, settings, ct))
            await engine.AddAgendaItemAsync(new AgendaItemOptions(meeting.Id, SubjectKind.Child, personId, null, reason,
                SupportRegisterEntries.ResourceType, entryId), process, ct);
        return meeting.Id;
    }

    /// <summary>
    /// The agenda rule, for entries on the register not yet on this meeting's agenda: red or amber now; a rating changed
    /// since the last review held (the rating then differs from the rating now, or there was none); a C(E)TR referral
    /// due; a keyworker referral the criteria want and no one made. One reason each, the first that applies. Green and
    /// blue entries that did not change and are due nothing stay off.
    /// </summary>
    private async Task<List<(Guid EntryId, Guid PersonId, string Reason)>> DueOnAgendaAsync(Guid partnershipId, Meeting meeting, SupportRegisterSettings settings,
        CancellationToken ct)
    {
        var meetingId = meeting.Id;
        var lastHeld = await db.Meetings.AsNoTracking()
            .Where(m => m.SeriesId == meeting.SeriesId && m.Status == MeetingStatus.Held && m.Date < meeting.Date)
            .OrderByDescending(m => m.Date).Select(m => (Instant?)m.StartsAt).FirstOrDefaultAsync(ct);
        var listed = db.Set<AgendaItem>().Where(i => i.MeetingId == meetingId && i.SourceType == SupportRegisterEntries.ResourceType);
        var entries = await db.Set<SupportRegisterEntry>().AsNoTracking()
            .Where(e => e.PartnershipId == partnershipId && e.Status == SupportRegisterStatus.OnRegister && !listed.Any(i => i.SourceId == e.Id))
            .Select(e => new { e.Id, e.PersonId, e.CurrentRating, e.ReferralDue })
            .ToListAsync(ct);
        var ids = entries.Select(e => e.Id).ToList();
        // The ratings given since the last review (every rating when there was none), and the rating each entry had then.
        var ratings = db.Set<SupportRating>().AsNoTracking().Where(r => ids.Contains(r.EntryId));
        if (lastHeld is { } since) ratings = ratings.Where(r => r.RatedAt >= since);
        var changedSince = (await ratings.Select(r => r.EntryId).Distinct().ToListAsync(ct)).ToHashSet();
        var before = lastHeld is { } then
            ? (await db.Set<SupportRating>().AsNoTracking().Where(r => changedSince.Contains(r.EntryId) && r.RatedAt < then)
                    .Select(r => new { r.EntryId, r.Rating, r.RatedAt, r.Id }).ToListAsync(ct))
                .GroupBy(r => r.EntryId).ToDictionary(g => g.Key, g => (SupportRatingLevel?)g.OrderBy(r => r.RatedAt).ThenBy(r => r.Id).Last().Rating)
            : [];
        var referred = (await db.Set<KeyworkerReferral>().AsNoTracking().Where(k => ids.Contains(k.EntryId)).Select(k => k.EntryId).Distinct().ToListAsync(ct)).ToHashSet();

        var due = new List<(Guid, Guid, string)>();
        foreach (var e in entries.OrderBy(e => e.CurrentRating ?? SupportRatingLevel.Green).ThenBy(e => e.Id))
        {
            string? reason = e.CurrentRating switch
            {
                SupportRatingLevel.Red => "Rated red",
                SupportRatingLevel.Amber => "Rated amber",
                _ => null,
            };
            if (reason is null && changedSince.Contains(e.Id) && before.GetValueOrDefault(e.Id) is var was && was != e.CurrentRating)
                reason = was is { } w ? $"Rating changed since the last review (was {Name(w)})" : "Rated since the last review";
            if (reason is null && e.ReferralDue is { } referral) reason = $"C(E)TR referral due by {referral:d MMMM yyyy}";
            if (reason is null && e.CurrentRating is { } r && settings.KeyworkerRatings.Contains(r) && !referred.Contains(e.Id))
                reason = "Due a keyworker referral";
            if (reason is not null) due.Add((e.Id, e.PersonId, reason));
        }
        return due;
    }

    private static string Name(SupportRatingLevel rating) => rating.ToString().ToLowerInvariant();

    /// <summary>The partnership's register reviews, latest first, with how many entries each agenda holds: for the unit.</summary>
    public async Task<IReadOnlyList<ReviewRow>> ListAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        DemandKeepsRegister(actor);
        return await (from m in db.Meetings.AsNoTracking()
                      join s in db.MeetingSeries.AsNoTracking() on m.SeriesId equals s.Id
                      where s.PartnershipId == actor.PartnershipId && s.Kind == MeetingKind.RegisterReview
                      orderby m.Date descending
                      select new ReviewRow(m.Id, m.Date, m.Status, m.Agenda.Count(i => i.SourceType == SupportRegisterEntries.ResourceType)))
            .Take(24).ToListAsync(ct);
    }

    /// <summary>The users who may be invited to a review (active users of the partnership), by name: for the unit.</summary>
    public async Task<IReadOnlyList<LeadPractitionerChoice>> MemberChoicesAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        DemandKeepsRegister(actor);
        return await (from u in db.Users.AsNoTracking()
                      join o in db.Organisations.AsNoTracking() on u.OrganisationId equals o.Id
                      where u.PartnershipId == actor.PartnershipId && !u.IsDisabled
                      orderby u.DisplayName, u.Id
                      select new LeadPractitionerChoice(u.Id, u.DisplayName, o.Name)).ToListAsync(ct);
    }

    /// <summary>Invites a member to a review (a user of the partnership); they read the entries on its agenda while they are invited.</summary>
    public async Task<Guid> InviteMemberAsync(InviteReviewMemberOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var (meetingId, userId) = options;
        var actor = process.RequireActor();
        DemandKeepsRegister(actor);
        await ReviewAsync(actor, meetingId, ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.PartnershipId == actor.PartnershipId && !u.IsDisabled)
            .Select(u => new { u.Id, u.OrganisationId, u.DisplayName, u.Email }).SingleOrDefaultAsync(ct)
            ?? throw new ArgumentException("Choose a user of the partnership.", nameof(options));
        if (await db.Set<MeetingAttendee>().AnyAsync(a => a.MeetingId == meetingId && a.UserId == userId && a.RemovedAt == null, ct))
            throw new ArgumentException("They are already a member of this review.", nameof(options));
        var attendee = await new MeetingRecords(db, deployment).InviteAsync(new AttendeeOptions(meetingId, user.OrganisationId, user.DisplayName, user.Id, user.Email), process, ct);
        return attendee.Id;
    }

    /// <summary>
    /// Whether the user is a current attendee of a register review whose agenda has the entry: the relationship that lets a
    /// review member read it. Removal from the meeting ends it at once.
    /// </summary>
    public static Task<bool> IsMemberAsync(SafeguardingDbContext db, Guid partnershipId, Guid userId, Guid entryId, CancellationToken ct) =>
        db.Set<AgendaItem>().AnyAsync(i => i.SourceType == SupportRegisterEntries.ResourceType && i.SourceId == entryId
            && db.Meetings.Any(m => m.Id == i.MeetingId && m.PartnershipId == partnershipId && m.Attendees.Any(a => a.UserId == userId && a.RemovedAt == null)
                && db.MeetingSeries.Any(s => s.Id == m.SeriesId && s.Kind == MeetingKind.RegisterReview)), ct);

    private async Task ReviewAsync(Actor actor, Guid meetingId, CancellationToken ct)
    {
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId && m.PartnershipId == actor.PartnershipId
                && db.MeetingSeries.Any(s => s.Id == m.SeriesId && s.Kind == MeetingKind.RegisterReview), ct))
            throw new NotFoundException(MeetingRecords.ResourceType, meetingId.ToString());
    }

    /// <summary>Reviews are the complex-needs unit's, who keep the whole register.</summary>
    internal static void DemandKeepsRegister(Actor actor)
    {
        if (!actor.Grants.Any(g => g is { Resource: Resource.SupportRegisterEntry, Operation: Operation.Update, Scope: Scope.WholePartnership }))
            throw new ForbiddenException(nameof(MeetingKind.RegisterReview), actor.PartnershipId.ToString(), "no role grants Update on the whole register");
    }
}
