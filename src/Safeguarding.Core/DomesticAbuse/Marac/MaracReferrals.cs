using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.HealthFlags;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;

namespace Safeguarding.Core.DomesticAbuse.Marac;

public sealed record ReferToMarac(Guid VictimPersonId, Guid? PersonCausingHarmPersonId, Guid? RiskAssessmentId, bool ProfessionalJudgement,
    Guid? TriageDecisionId = null, LocalDate? ReferralDate = null, Guid? IncidentId = null, string? ProfessionalJudgementReason = null);

/// <summary>The case whose criteria are measured: the victim, the person causing harm, its checklist or police incident, on a date.</summary>
public sealed record MaracCriteriaOptions(Guid PartnershipId, Guid VictimPersonId, Guid? PersonCausingHarmPersonId, Guid? RiskAssessmentId, Guid? IncidentId, LocalDate OnDate);

/// <summary>
/// Which of the three criteria found in the records hold for a case (professional judgement is the referrer's own,
/// and is not among them): visible high risk by the checklist's score, potential escalation, repeat MARAC.
/// </summary>
public sealed record MaracCriteria(int? YesCount, bool VisibleHighRisk, bool PotentialEscalation, bool RepeatMarac, Guid? PreviousReferralId)
{
    public bool Any => VisibleHighRisk || PotentialEscalation || RepeatMarac;

    /// <summary>In words, for the practitioner deciding: "visible high risk (15 yes), repeat MARAC".</summary>
    public string Describe() => string.Join(", ", new[]
    {
        VisibleHighRisk ? $"visible high risk ({YesCount} yes)" : null, PotentialEscalation ? "potential escalation" : null, RepeatMarac ? "repeat MARAC" : null,
    }.Where(x => x is not null));
}

/// <summary>The chair's choice: these waiting referrals on the series' meeting of that date.</summary>
public sealed record ListOnMeetingOptions(Guid SeriesId, LocalDate MeetingDate, IReadOnlyCollection<Guid> ReferralIds);

/// <summary>A meeting held: who came (by attendee id), and the agenda items of MARAC cases it did not reach.</summary>
public sealed record MeetingHeldOptions(Guid MeetingId, IReadOnlyDictionary<Guid, bool> AttendedByAttendeeId, IReadOnlyCollection<Guid> NotReachedItemIds);

/// <summary>A referral waiting for a meeting, as the chair sees it when building an agenda.</summary>
public sealed record WaitingReferral(Guid Id, Guid VictimPersonId, string VictimName, LocalDate ReferralDate, string Criteria);

/// <summary>Cases referred in [From, To).</summary>
public sealed record MaracVolumeOptions(LocalDate From, LocalDate To);

/// <summary>Cases and repeats in a period, against the SafeLives expectation of 40 a year per 10,000 women aged 16+.</summary>
public sealed record MaracVolume(LocalDate From, LocalDate To, int Cases, int Repeats, int? WomenAged16Plus, decimal? Expected)
{
    /// <summary>Cases as a percentage of the expected number, when the population is known.</summary>
    public decimal? PercentOfExpected => Expected is > 0 ? Math.Round(100m * Cases / Expected.Value, 1) : null;
}

/// <summary>
/// MARAC referrals: made from a checklist result or professional judgement, with the four criteria recorded; a
/// repeat when the same victim was referred in the 12 months before; listed on the next MARAC; closed when every
/// action on the case is done.
/// </summary>
public sealed class MaracReferrals(SafeguardingDbContext db, Microsoft.Extensions.Options.IOptions<Platform.DeploymentOptions>? deployment = null)
{
    public const string SourceType = nameof(MaracReferral);
    /// <summary>The SafeLives expectation: MARAC cases a year per 10,000 women aged 16 and over.</summary>
    public const decimal ExpectedPer10000Women = 40m;

    /// <summary>Makes the referral and flags the household's children for hospital records (the caller's process saves it all).</summary>
    public async Task<MaracReferral> ReferAsync(ReferToMarac options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.HasAny(Resource.MaracReferral, Operation.Create)) throw new ForbiddenException(SourceType, null, "Referring to MARAC is not granted.");
        var today = options.ReferralDate ?? Households.LondonDate(db.Clock.GetCurrentInstant());
        if (options.PersonCausingHarmPersonId == options.VictimPersonId)
            throw new ArgumentException("The person causing harm is someone other than the victim.", nameof(options));
        if (options.PersonCausingHarmPersonId is { } harmId && !await db.People.AnyAsync(p => p.Id == harmId && p.PartnershipId == actor.PartnershipId, ct))
            throw new NotFoundException(People.PersonRecords.ResourceType, harmId.ToString());
        var referral = new MaracReferral
        {
            PartnershipId = actor.PartnershipId,
            VictimPersonId = options.VictimPersonId,
            PersonCausingHarmPersonId = options.PersonCausingHarmPersonId,
            RiskAssessmentId = options.RiskAssessmentId,
            TriageDecisionId = options.TriageDecisionId,
            ReferredByOrganisationId = actor.OrganisationId,
            ReferredByUserId = actor.UserId,
            ReferredAt = db.Clock.GetCurrentInstant(),
            ReferralDate = today,
            ProfessionalJudgement = options.ProfessionalJudgement,
            Status = MaracReferralStatus.Waiting,
        };
        referral.ProfessionalJudgementReason = options.ProfessionalJudgement && !string.IsNullOrWhiteSpace(options.ProfessionalJudgementReason)
            ? options.ProfessionalJudgementReason.Trim() : null;
        if (options.RiskAssessmentId is { } assessmentId)
        {
            var a = await db.RiskAssessments.AsNoTracking().SingleAsync(x => x.Id == assessmentId && x.PartnershipId == actor.PartnershipId, ct);
            if (a.VictimPersonId != options.VictimPersonId) throw new ArgumentException("The assessment is about another victim.", nameof(options));
            // The assessor's own judgement, with their reason, stands beside the referrer's.
            referral.ProfessionalJudgement |= a.ProfessionalJudgement;
            referral.ProfessionalJudgementReason ??= a.ProfessionalJudgement ? a.ProfessionalJudgementReason : null;
        }
        var criteria = await CriteriaAsync(db, new MaracCriteriaOptions(actor.PartnershipId, options.VictimPersonId, options.PersonCausingHarmPersonId,
            options.RiskAssessmentId, options.IncidentId, today), ct);
        referral.YesCount = criteria.YesCount;
        referral.VisibleHighRisk = criteria.VisibleHighRisk;
        referral.PotentialEscalation = criteria.PotentialEscalation;
        referral.RepeatMarac = criteria.RepeatMarac;
        referral.PreviousReferralId = criteria.PreviousReferralId;
        if (!(referral.VisibleHighRisk || referral.PotentialEscalation || referral.RepeatMarac || referral.ProfessionalJudgement))
            throw new ArgumentException("A MARAC referral meets at least one criterion: visible high risk, potential escalation, repeat, or professional judgement.", nameof(options));

        db.Process = process;
        db.MaracReferrals.Add(referral);
        var children = await Households.ChildrenOfAsync(db, options.VictimPersonId, today, ct);
        await new HealthFlagRecords(db).RaiseAsync(actor.PartnershipId, children, HealthFlagKind.ChildInMaracHousehold, SourceType, referral.Id, ct);
        await db.SaveChangesAsync(ct);
        return referral;
    }

    /// <summary>Puts waiting referrals on the series' next meeting (on or after today), in referral order, as many as it has places for.</summary>
    public async Task<(Meeting Meeting, int Listed)> ListForNextMeetingAsync(Guid maracSeriesId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.HasAny(Resource.MaracReferral, Operation.Update)) throw new ForbiddenException(SourceType, null, "Listing MARAC cases is not granted.");
        var meetings = new MeetingRecords(db, deployment);
        var today = Households.LondonDate(db.Clock.GetCurrentInstant());
        var meeting = await meetings.NextMeetingAsync(new NextMeetingOptions(maracSeriesId, today), process, ct);
        // Within the meeting's capacity, oldest referrals first: the rest wait for a later meeting.
        var (_, places) = await meetings.PlacesAsync(meeting, ct);
        var waiting = await db.MaracReferrals.Where(r => r.PartnershipId == actor.PartnershipId && r.Status == MaracReferralStatus.Waiting && r.ReferralDate <= meeting.Date)
            .OrderBy(r => r.ReferredAt).ThenBy(r => r.Id).Take(places).ToListAsync(ct);
        await PutOnAgendaAsync(meetings, meeting, waiting, process, ct);
        await meetings.InviteRepresentativesAsync(meeting.Id, process, ct);
        return (meeting, waiting.Count);
    }

    /// <summary>Each referral (in referral order) becomes an agenda item of the meeting, and is listed.</summary>
    private async Task PutOnAgendaAsync(MeetingRecords meetings, Meeting meeting, IEnumerable<MaracReferral> referrals, ProcessContext process, CancellationToken ct)
    {
        foreach (var r in referrals.OrderBy(r => r.ReferredAt))
        {
            var item = await meetings.AddAgendaItemAsync(
                new AgendaItemOptions(meeting.Id, SubjectKind.Victim, r.VictimPersonId, null, Criteria(r), SourceType, r.Id), process, ct);
            r.Status = MaracReferralStatus.Listed;
            r.MeetingId = meeting.Id;
            r.AgendaItemId = item.Id;
        }
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// One page of the referrals waiting for a meeting, oldest first, with the true total and the victims' names: only
    /// the names on the page are read, and only they are audited as listed.
    /// </summary>
    public async Task<Paged<WaitingReferral>> WaitingAsync(PageOptions page, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.HasAny(Resource.MaracReferral, Operation.Update)) throw new ForbiddenException(SourceType, null, "Listing MARAC cases is not granted.");
        var waiting = await db.MaracReferrals.AsNoTracking().Where(r => r.PartnershipId == actor.PartnershipId && r.Status == MaracReferralStatus.Waiting)
            .OrderBy(r => r.ReferredAt).ThenBy(r => r.Id).PageAsync(page, ct);
        var names = await People.SealedPeople.NamesAsync(db, actor, [.. waiting.Items.Select(r => r.VictimPersonId)], ct);
        new Platform.Audit.AuditTrail(db).QueueListed(process, "MARAC referrals waiting", People.PersonRecords.ResourceType, names.Keys);
        await db.SaveChangesAsync(ct);
        return waiting.Select(r => new WaitingReferral(r.Id, r.VictimPersonId, names.GetValueOrDefault(r.VictimPersonId, "Not known"), r.ReferralDate, Criteria(r)));
    }

    /// <summary>
    /// Records who came to a meeting (which marks it held) and what became of its MARAC cases, in one transaction: each
    /// case the meeting reached is heard there, at its start; a case listed but not reached goes back to waiting, for
    /// the chair to list again.
    /// </summary>
    public async Task RecordHeldAsync(MeetingHeldOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var meetingId = options.MeetingId;
        var cases = await db.MaracReferrals.Where(r => r.PartnershipId == actor.PartnershipId && r.MeetingId == meetingId && r.Status == MaracReferralStatus.Listed).ToListAsync(ct);
        if (cases.Count > 0 && !actor.HasAny(Resource.MaracReferral, Operation.Update))
            throw new ForbiddenException(SourceType, null, "Recording MARAC cases as heard is not granted.");
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await new MeetingRecords(db, deployment).RecordAttendanceAsync(new AttendanceOptions(meetingId, options.AttendedByAttendeeId), process, ct);
            var startsAt = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => m.StartsAt).SingleAsync(ct);
            foreach (var r in cases)
            {
                if (r.AgendaItemId is { } item && options.NotReachedItemIds.Contains(item))
                    (r.Status, r.MeetingId, r.AgendaItemId) = (MaracReferralStatus.Waiting, null, null);
                else
                    (r.Status, r.HeardAt) = (MaracReferralStatus.Heard, startsAt);
            }
            db.Process = process;
            await db.SaveChangesAsync(ct);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>
    /// The chair puts chosen waiting referrals on one meeting of the series, within its capacity, and every member
    /// agency's representatives are invited (each by an email with a link only).
    /// </summary>
    public async Task<Meeting> ListOnMeetingAsync(ListOnMeetingOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.HasAny(Resource.MaracReferral, Operation.Update)) throw new ForbiddenException(SourceType, null, "Listing MARAC cases is not granted.");
        if (options.ReferralIds.Count == 0) throw new ArgumentException("Choose at least one referral for the meeting.", nameof(options));
        var series = await db.MeetingSeries.AsNoTracking().SingleOrDefaultAsync(s => s.Id == options.SeriesId && s.PartnershipId == actor.PartnershipId && s.Kind == MeetingKind.Marac, ct)
            ?? throw new NotFoundException(nameof(MeetingSeries), options.SeriesId.ToString());
        if (MeetingCadence.NextOnOrAfter(series.Cadence, series.FirstDate, options.MeetingDate) != options.MeetingDate)
            throw new ArgumentException("The series does not meet on that date.", nameof(options));
        var referrals = await db.MaracReferrals.Where(r => r.PartnershipId == actor.PartnershipId && options.ReferralIds.Contains(r.Id)).ToListAsync(ct);
        if (referrals.Count != options.ReferralIds.Distinct().Count() || referrals.Any(r => r.Status != MaracReferralStatus.Waiting))
            throw new ArgumentException("Only referrals waiting for a meeting can be listed.", nameof(options));
        var meetings = new MeetingRecords(db, deployment);
        var meeting = await meetings.NextMeetingAsync(new NextMeetingOptions(series.Id, options.MeetingDate), process, ct);
        var (listed, places) = await meetings.PlacesAsync(meeting, ct);
        if (referrals.Count > places)
            throw new ArgumentException($"The meeting on {meeting.Date:d MMMM yyyy} hears {series.CasesPerMeeting} case{(series.CasesPerMeeting == 1 ? "" : "s")} and has {listed} already: choose {places} or fewer, or another meeting.", nameof(options));
        await PutOnAgendaAsync(meetings, meeting, referrals, process, ct);
        await meetings.InviteRepresentativesAsync(meeting.Id, process, ct);
        return meeting;
    }

    /// <summary>Closes a heard case once every action agreed on it is done, and ends its household flags.</summary>
    public async Task CloseAsync(Guid referralId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.HasAny(Resource.MaracReferral, Operation.Update)) throw new ForbiddenException(SourceType, referralId.ToString(), "Closing MARAC cases is not granted.");
        var referral = await db.MaracReferrals.SingleAsync(r => r.Id == referralId && r.PartnershipId == actor.PartnershipId, ct);
        if (referral.Status != MaracReferralStatus.Heard)
            throw new InvalidOperationException("Only a case a meeting has heard can be closed.");
        var open = await db.MeetingActions.CountAsync(a => a.AgendaItemId == referral.AgendaItemId && a.Status == ActionStatus.Open, ct);
        if (open > 0) throw new InvalidOperationException($"{open} action{(open == 1 ? " is" : "s are")} still open on this case.");
        referral.Status = MaracReferralStatus.Closed;
        referral.ClosedAt = db.Clock.GetCurrentInstant();
        await new HealthFlagRecords(db).EndRaisedByAsync(SourceType, referral.Id, "MARAC case closed: every action done", ct);
        db.Process = process;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Cases referred in [from, to) with repeats, against the expected volume scaled to the period's length.</summary>
    public async Task<MaracVolume> VolumeAsync(MaracVolumeOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (from, to) = options;
        if (!actor.SeesPartnershipFigures) throw new ForbiddenException(nameof(MaracVolume), null, "Reading figures is not granted.");
        var counts = await db.MaracReferrals.AsNoTracking()
            .Where(r => r.PartnershipId == actor.PartnershipId && r.ReferralDate >= from && r.ReferralDate < to)
            .GroupBy(r => r.RepeatMarac).Select(g => new { Repeat = g.Key, Count = g.Count() }).ToListAsync(ct);
        var women = await db.DomesticAbuseSettings.AsNoTracking().Where(s => s.PartnershipId == actor.PartnershipId).Select(s => s.WomenAged16Plus).SingleOrDefaultAsync(ct);
        var days = Period.Between(from, to, PeriodUnits.Days).Days;
        decimal? expected = women is { } w ? Math.Round(ExpectedPer10000Women * w / 10000m * days / 365m, 1) : null;
        return new MaracVolume(from, to, counts.Sum(c => c.Count), counts.Where(c => c.Repeat).Sum(c => c.Count), women, expected);
    }

    /// <summary>
    /// The criteria that hold for a case. Visible high risk and potential escalation come from its completed checklist,
    /// as scored; without one, potential escalation is counted from the victim's police incidents (one per police
    /// reference) in the escalation window before the incident, with the numbers of the checklist for the victim's age.
    /// Repeat MARAC: an earlier referral within 12 months of the date, by the partnership's <see cref="RepeatMaracRule"/>.
    /// </summary>
    public static async Task<MaracCriteria> CriteriaAsync(SafeguardingDbContext db, MaracCriteriaOptions options, CancellationToken ct = default)
    {
        var (partnershipId, victimId, harmId, assessmentId, incidentId, onDate) = options;
        var settings = await db.DomesticAbuseSettings.AsNoTracking().SingleOrDefaultAsync(s => s.PartnershipId == partnershipId, ct) ?? new DomesticAbuseSettings { PartnershipId = partnershipId };
        int? yes = null;
        bool visible = false, escalation = false;
        var assessment = assessmentId is { } aid
            ? await db.RiskAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == aid && a.PartnershipId == partnershipId && a.Status == RiskAssessments.AssessmentStatus.Completed, ct)
            : null;
        if (assessment is not null)
        {
            (yes, visible, escalation) = (assessment.YesCount, assessment.VisibleHighRisk, assessment.PotentialEscalation);
        }
        else if (incidentId is { } iid)
        {
            var occurredAt = await db.DomesticIncidents.AsNoTracking().Where(i => i.Id == iid && i.PartnershipId == partnershipId).Select(i => (Instant?)i.OccurredAt).SingleOrDefaultAsync(ct);
            if (occurredAt is { } at)
            {
                var incidentDate = Households.LondonDate(at);
                var dob = await db.People.AsNoTracking().Where(p => p.Id == victimId).Select(p => p.DateOfBirth).SingleOrDefaultAsync(ct);
                var code = dob is { } d && Period.Between(d, incidentDate, PeriodUnits.Years).Years is >= 13 and <= 17 ? ChecklistDefinition.YoungPeople : ChecklistDefinition.Adult;
                var thresholds = settings.ThresholdsFor(code)!;
                // Latest versions only: a corrected police record is still one incident.
                var incidents = (await Households.IncidentsOfAsync(db, victimId, ct)).Count(i => RiskScoring.InWindow(i.Date, incidentDate, thresholds.EscalationWindowMonths));
                escalation = incidents >= thresholds.EscalationCount;
            }
        }
        var previous = await EarlierReferrals(db, partnershipId, victimId, harmId, settings.RepeatMaracRule)
            .Where(r => r.ReferralDate <= onDate)
            .OrderByDescending(r => r.ReferralDate).Select(r => new { r.Id, r.ReferralDate }).FirstOrDefaultAsync(ct);
        var repeat = previous is not null && RiskScoring.InWindow(previous.ReferralDate, onDate, RiskScoring.RepeatWindowMonths);
        return new MaracCriteria(yes, visible, escalation, repeat, repeat ? previous!.Id : null);
    }

    /// <summary>
    /// The referrals that count towards a repeat for this victim and person causing harm under the rule. Under the
    /// pair rule a referral with no person causing harm on either side counts (a gap in the record never hides a repeat).
    /// </summary>
    public static IQueryable<MaracReferral> EarlierReferrals(SafeguardingDbContext db, Guid partnershipId, Guid victimId, Guid? harmId, RepeatMaracRule rule)
    {
        var query = db.MaracReferrals.AsNoTracking().Where(r => r.PartnershipId == partnershipId && r.VictimPersonId == victimId);
        if (rule == RepeatMaracRule.VictimAndPersonCausingHarm && harmId is { } harm)
            query = query.Where(r => r.PersonCausingHarmPersonId == null || r.PersonCausingHarmPersonId == harm);
        return query;
    }

    public static string Criteria(MaracReferral r)
    {
        var parts = new List<string>();
        if (r.VisibleHighRisk) parts.Add($"visible high risk ({r.YesCount} yes)");
        if (r.PotentialEscalation) parts.Add("potential escalation");
        if (r.RepeatMarac) parts.Add("repeat MARAC");
        if (r.ProfessionalJudgement) parts.Add("professional judgement");
        return "MARAC referral: " + string.Join(", ", parts);
    }
}
