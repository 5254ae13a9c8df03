using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.SupportRegister;

public sealed record CetrReferralOptions(Guid EntryId, string WhyNow, string WhatTried, string FamilyView);

/// <summary>Books a C(E)TR of a kind on a working day (answering the waiting referral, or the clock that runs for that kind).</summary>
public sealed record BookCetrOptions(Guid EntryId, CetrKind Kind, LocalDate Date);

public sealed record PanelMemberOptions(Guid CetrId, PanelRole Role, string Name, string? Email = null);

public sealed record CetrHeldOptions(Guid CetrId, IReadOnlyCollection<Guid> AttendedAttendeeIds);

public sealed record RecommendationOptions(Guid CetrId, Guid OwnerOrganisationId, string Description, LocalDate DueDate, Guid? OwnerUserId = null);

public sealed record AdmissionOptions(Guid EntryId, LocalDate AdmittedOn, string Hospital, bool CommunityCetrHeldBefore, bool EmergencyProtocolMeetingHeldBefore);

/// <summary>Discharge: the day, and the rating the child leaves blue for (with why).</summary>
public sealed record DischargeOptions(Guid AdmissionId, LocalDate DischargedOn, SupportRatingLevel Rating, string Why);

public sealed record PlanDischargeOptions(Guid AdmissionId, LocalDate PlannedOn);

public sealed record CetrSettingsOptions(int PostAdmissionWorkingDays, int InpatientMonths);

public sealed record RootCauseReviewOptions(Guid AdmissionId, bool WasOnRegister, string WhyNoCommunityCetr, string WhatWouldHavePrevented, string Learning);

public sealed record CetrReferralView(Guid Id, string WhyNow, string WhatTried, string FamilyView, LocalDate? RedOn, LocalDate? ReferralDue, Instant ReferredAt, Guid? CetrId);

public sealed record PanelMemberView(Guid AttendeeId, string Name, PanelRole? Role, bool? Attended);

public sealed record RecommendationView(Guid ActionId, string Owner, string Description, LocalDate DueDate, ActionStatus Status);

public sealed record CetrView(Guid Id, CetrKind Kind, LocalDate? Due, bool Overdue, LocalDate? Booked, LocalDate? HeldOn, bool Closed,
    IReadOnlyList<PanelMemberView> Panel, IReadOnlyList<RecommendationView> Recommendations);

public sealed record RootCauseReviewView(bool? WasOnRegister, string? WhyNoCommunityCetr, string? WhatWouldHavePrevented, string? Learning, Instant? CompletedAt);

public sealed record AdmissionView(Guid Id, LocalDate AdmittedOn, string Hospital, bool CommunityCetrHeldBefore, bool EmergencyProtocolMeetingHeldBefore,
    LocalDate? PlannedDischargeOn, LocalDate? DischargedOn, RootCauseReviewView? RootCauseReview);

/// <summary>An entry's C(E)TR record, for the unit and the lead practitioner only.</summary>
public sealed record EntryCetrsView(Guid EntryId, string ChildName, SupportRatingLevel? Rating, LocalDate? ReferralDue, IReadOnlyList<CetrReferralView> Referrals,
    IReadOnlyList<CetrView> Cetrs, IReadOnlyList<AdmissionView> Admissions, IReadOnlyList<(Guid Id, string Name)> Agencies, LocalDate Today);

/// <summary>Which clock a row of the unit's list shows.</summary>
public enum CetrClockKind
{
    /// <summary>Red, no referral made yet.</summary>
    Referral,
    PostAdmission,
    Inpatient,
}

public sealed record CetrClockRow(Guid EntryId, string ChildName, CetrClockKind Kind, LocalDate Due, bool Overdue, bool Escalated);

public sealed record WaitingReferralRow(Guid ReferralId, Guid EntryId, string ChildName, LocalDate? RedOn, LocalDate? ReferralDue, Instant ReferredAt);

/// <summary>The complex-needs unit's queue: referrals waiting for a C(E)TR, and every clock that runs, soonest due first.</summary>
public sealed record CetrQueue(IReadOnlyList<WaitingReferralRow> Waiting, IReadOnlyList<CetrClockRow> Clocks, LocalDate Today);

/// <summary>
/// Care (Education) and Treatment Reviews for children on the Dynamic Support Register: the referral a red entry needs,
/// C(E)TRs on the meeting engine (one series per child, panel seats, recommendations as the engine's actions),
/// admissions (blue while in hospital, the exception and its root-cause review when no community C(E)TR came first,
/// the post-admission and inpatient clocks, discharge) and the unit's queue. Only the complex-needs unit and the entry's
/// lead practitioner see or change any of it: the entry's policy (Update) and the full reading of the entry. A school
/// or GP practice reading the entry under consent never sees a C(E)TR.
/// </summary>
public sealed partial class Cetrs(SafeguardingDbContext db)
{
    public const string ResourceType = nameof(Cetr);
    public const string SeriesName = "C(E)TRs";
    public const int MaxText = 4000;

    /// <summary>What is wrong with a referral, by field; empty when it may be saved.</summary>
    public static IReadOnlyList<(string Field, string Message)> ReferralProblems(string? whyNow, string? whatTried, string? familyView)
    {
        var problems = new List<(string, string)>();
        Text(problems, "WhyNow", whyNow, "why the referral is made now");
        Text(problems, "WhatTried", whatTried, "what has been tried");
        Text(problems, "FamilyView", familyView, "the family's view");
        return problems;
    }

    /// <summary>What is wrong with an admission, by field; empty when it may be saved.</summary>
    public static IReadOnlyList<(string Field, string Message)> AdmissionProblems(LocalDate? admittedOn, string? hospital, bool? communityCetrHeldBefore, LocalDate today)
    {
        var problems = new List<(string, string)>();
        if (admittedOn is null) problems.Add(("AdmittedOn", "Enter the date of admission"));
        else if (admittedOn > today) problems.Add(("AdmittedOn", "The date of admission cannot be in the future"));
        if (string.IsNullOrWhiteSpace(hospital)) problems.Add(("Hospital", "Enter the hospital"));
        else if (hospital.Trim().Length > 200) problems.Add(("Hospital", "The hospital must be 200 characters or fewer"));
        if (communityCetrHeldBefore is null) problems.Add(("CommunityCetrHeldBefore", "Say whether a community C(E)TR was held before the admission"));
        return problems;
    }

    private static void Text(List<(string, string)> problems, string field, string? value, string what, int max = MaxText)
    {
        if (string.IsNullOrWhiteSpace(value)) problems.Add((field, $"Enter {what}"));
        else if (value.Trim().Length > max) problems.Add((field, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be {max:N0} characters or fewer"));
    }

    private static void Throw(IReadOnlyList<(string Field, string Message)> problems)
    {
        if (problems.Count > 0) throw new ArgumentException(problems[0].Message + ".", problems[0].Field);
    }

    /// <summary>The C(E)TR referral for a red entry: it goes to the unit's queue and the referral clock stops.</summary>
    public async Task<Guid> ReferAsync(CetrReferralOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var entry = await UpdatableAsync(actor, options.EntryId, ct);
        if (entry.Status != SupportRegisterStatus.OnRegister || entry.CurrentRating != SupportRatingLevel.Red)
            throw new InvalidOperationException("A C(E)TR referral is made for a child rated red on the register.");
        Throw(ReferralProblems(options.WhyNow, options.WhatTried, options.FamilyView));
        if (await db.Set<CetrReferral>().AnyAsync(r => r.EntryId == entry.Id && r.CetrId == null, ct))
            throw new InvalidOperationException("A referral for this child is already waiting for a C(E)TR.");
        var referral = new CetrReferral
        {
            PartnershipId = entry.PartnershipId, EntryId = entry.Id, WhyNow = options.WhyNow.Trim(), WhatTried = options.WhatTried.Trim(),
            FamilyView = options.FamilyView.Trim(), RedSince = entry.RedSince, ReferralDue = entry.ReferralDue, ReferredAt = db.Clock.GetCurrentInstant(),
            ReferredByUserId = actor.UserId, ReferredByOrganisationId = actor.OrganisationId,
        };
        db.Add(referral);
        // The referral is made: its clock stops (the referral keeps the dates, for the queue and the figures).
        entry.ReferralDue = null;
        db.Process = process with { Purpose = "C(E)TR referral" };
        await db.SaveChangesAsync(ct);
        return referral.Id;
    }

    /// <summary>
    /// Books a C(E)TR on the engine on a working day: the child's series (made with the first, chaired by the booker's
    /// organisation), its meeting, the booker on the panel as chair. It answers the referral waiting (a community C(E)TR
    /// or emergency protocol meeting) or takes the clock that runs for its kind (post-admission, inpatient).
    /// </summary>
    public async Task<Guid> BookAsync(BookCetrOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var entry = await UpdatableAsync(actor, options.EntryId, ct);
        if (!Enum.IsDefined(options.Kind)) throw new ArgumentException("Choose the kind of review.", nameof(options));
        if (!Platform.Calendars.BankHolidays.IsWorkingDay(options.Date)) throw new ArgumentException("Book the review on a working day.", nameof(options));
        var today = Today();
        if (options.Date < today.PlusDays(-90)) throw new ArgumentException("Book a review within the last 90 days or later.", nameof(options));
        var now = db.Clock.GetCurrentInstant();
        var mine = db.Set<Cetr>().Where(c => c.EntryId == entry.Id);
        if (await mine.AnyAsync(c => c.MeetingId != null && c.HeldOn == null && c.ClosedAt == null, ct))
            throw new ArgumentException("A review is already booked: record it as held first.", nameof(options));
        var cetr = options.Kind is CetrKind.PostAdmission or CetrKind.Inpatient
            ? await mine.Where(c => c.Kind == options.Kind && c.MeetingId == null && c.HeldOn == null && c.ClosedAt == null).OrderBy(c => c.Due).FirstOrDefaultAsync(ct)
              ?? throw new ArgumentException(options.Kind == CetrKind.PostAdmission ? "No post-admission C(E)TR is owed." : "No inpatient C(E)TR is owed: the child is not in hospital.", nameof(options))
            : null;
        if (cetr is null)
        {
            cetr = new Cetr { PartnershipId = entry.PartnershipId, EntryId = entry.Id, Kind = options.Kind, CreatedAt = now };
            db.Add(cetr);
            var waiting = await db.Set<CetrReferral>().Where(r => r.EntryId == entry.Id && r.CetrId == null).ToListAsync(ct);
            foreach (var referral in waiting) referral.CetrId = cetr.Id;
        }
        var seriesId = await mine.Where(c => c.SeriesId != null).Select(c => c.SeriesId).FirstOrDefaultAsync(ct);
        if (seriesId is null)
        {
            var series = new MeetingSeries
            {
                PartnershipId = entry.PartnershipId, Name = SeriesName, Kind = MeetingKind.CetrReview, Cadence = Cadence.DailyOnWeekdays, FirstDate = options.Date,
                StartTime = new LocalTime(10, 0), DurationMinutes = 180, ChairOrganisationId = actor.OrganisationId, ChairUserId = actor.UserId,
            };
            db.Add(series);
            seriesId = series.Id;
        }
        else if (await db.Set<Meeting>().AnyAsync(m => m.SeriesId == seriesId && m.Date == options.Date, ct))
            throw new ArgumentException("The child already has a review on that day.", nameof(options));
        var starts = options.Date.At(new LocalTime(10, 0)).InZoneLeniently(ReferralClock.London).ToInstant();
        var meeting = new Meeting
        {
            PartnershipId = entry.PartnershipId, SeriesId = seriesId.Value, Date = options.Date, StartsAt = starts, EndsAt = starts + Duration.FromHours(3),
            Status = MeetingStatus.Planned,
        };
        db.Add(meeting);
        if (actor.UserId is { } chair)
            db.Add(new MeetingAttendee { MeetingId = meeting.Id, OrganisationId = actor.OrganisationId, UserId = chair, Name = actor.Name, PanelRole = PanelRole.Chair });
        (cetr.SeriesId, cetr.MeetingId) = (seriesId, meeting.Id);
        db.Process = process with { Purpose = "C(E)TR booked" };
        await db.SaveChangesAsync(ct);
        return cetr.Id;
    }

    /// <summary>A panel seat on a booked C(E)TR: the independent clinical expert, the expert by experience, the family, education, health or care, by name.</summary>
    public async Task<Guid> AddPanelMemberAsync(PanelMemberOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (_, cetr, meeting) = await BookedAsync(actor, options.CetrId, ct);
        if (meeting.Status != MeetingStatus.Planned) throw new ArgumentException("The review is already held.", nameof(options));
        if (!Enum.IsDefined(options.Role)) throw new ArgumentException("Choose the panel seat.", nameof(options));
        var name = options.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 150) throw new ArgumentException("Enter the name, 150 characters or fewer.", nameof(options));
        var email = string.IsNullOrWhiteSpace(options.Email) ? null : options.Email.Trim();
        if (email?.Length > 256) throw new ArgumentException("The email address must be 256 characters or fewer.", nameof(options));
        // Panel members and the family have no account: they are invited by name, on the booker's organisation.
        var attendee = new MeetingAttendee { MeetingId = meeting.Id, OrganisationId = actor.OrganisationId, Name = name, Email = email, PanelRole = options.Role };
        db.Add(attendee);
        db.Process = process with { Purpose = "C(E)TR panel" };
        await db.SaveChangesAsync(ct);
        return attendee.Id;
    }

    /// <summary>
    /// Records the C(E)TR as held with who came: its clock stops. While the child is in hospital, the next inpatient
    /// C(E)TR falls due the partnership's months after it.
    /// </summary>
    public async Task RecordHeldAsync(CetrHeldOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (entry, cetr, meeting) = await BookedAsync(actor, options.CetrId, ct);
        if (meeting.Status != MeetingStatus.Planned) throw new ArgumentException("The review is already held.", nameof(options));
        if (meeting.Date > Today()) throw new ArgumentException("The review has not happened yet.", nameof(options));
        var tracked = await db.Set<Meeting>().Include(m => m.Attendees).SingleAsync(m => m.Id == meeting.Id, ct);
        foreach (var a in tracked.Attendees.Where(a => a.RemovedAt == null)) a.Attended = options.AttendedAttendeeIds.Contains(a.Id);
        tracked.Status = MeetingStatus.Held;
        cetr.HeldOn = meeting.Date;
        var admission = await OpenAdmissionAsync(entry.Id, ct);
        if (admission is not null)
        {
            var settings = await SettingsAsync(entry.PartnershipId, ct);
            // The last C(E)TR sets the next inpatient one: any other inpatient clock still running is replaced by it.
            foreach (var running in await db.Set<Cetr>().Where(c => c.EntryId == entry.Id && c.Id != cetr.Id && c.Kind == CetrKind.Inpatient
                         && c.MeetingId == null && c.HeldOn == null && c.ClosedAt == null).ToListAsync(ct))
                running.ClosedAt = db.Clock.GetCurrentInstant();
            db.Add(InpatientClock(entry, admission, meeting.Date, settings));
        }
        db.Process = process with { Purpose = "C(E)TR held" };
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A recommendation of the C(E)TR: the engine's action, with its owner (an agency, and a named person there) and due date.</summary>
    public async Task<Guid> AddRecommendationAsync(RecommendationOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (_, _, meeting) = await BookedAsync(actor, options.CetrId, ct);
        var description = options.Description?.Trim();
        if (string.IsNullOrEmpty(description)) throw new ArgumentException("Say what is recommended.", nameof(options));
        if (description.Length > 2000) throw new ArgumentException("The recommendation must be 2,000 characters or fewer.", nameof(options));
        if (options.DueDate < meeting.Date) throw new ArgumentException("A recommendation cannot be due before the review that made it.", nameof(options));
        if (!await db.Organisations.AnyAsync(o => o.Id == options.OwnerOrganisationId && o.PartnershipId == actor.PartnershipId, ct))
            throw new ArgumentException("Choose the agency that owns the recommendation.", nameof(options));
        if (options.OwnerUserId is { } owner && !await db.Users.AnyAsync(u => u.Id == owner && u.OrganisationId == options.OwnerOrganisationId, ct))
            throw new ArgumentException("The named owner must work for the owning agency.", nameof(options));
        var action = new MeetingAction
        {
            PartnershipId = meeting.PartnershipId, MeetingId = meeting.Id, OwnerOrganisationId = options.OwnerOrganisationId, OwnerUserId = options.OwnerUserId,
            Description = description, DueDate = options.DueDate, Status = ActionStatus.Open, CreatedAt = db.Clock.GetCurrentInstant(),
        };
        db.Add(action);
        db.Process = process with { Purpose = "C(E)TR recommendation" };
        await db.SaveChangesAsync(ct);
        return action.Id;
    }

    /// <summary>
    /// Records an admission to a mental health hospital: the child is rated blue (a rating row: who, why) and any
    /// referral clock stops. Without a community C(E)TR before it, the admission is an exception with a root-cause
    /// review and a post-admission C(E)TR due in the partnership's working days; with one, the inpatient clock runs from
    /// the last C(E)TR (or the admission, when the community one is not recorded here).
    /// </summary>
    public async Task<Guid> RecordAdmissionAsync(AdmissionOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var entry = await UpdatableAsync(actor, options.EntryId, ct);
        if (entry.Status != SupportRegisterStatus.OnRegister) throw new InvalidOperationException("Only a child on the register is recorded as admitted.");
        Throw(AdmissionProblems(options.AdmittedOn, options.Hospital, options.CommunityCetrHeldBefore, Today()));
        if (await OpenAdmissionAsync(entry.Id, ct) is not null) throw new InvalidOperationException("The child is already in hospital: record the discharge first.");
        var now = db.Clock.GetCurrentInstant();
        var settings = await SettingsAsync(entry.PartnershipId, ct);
        var admission = new Admission
        {
            PartnershipId = entry.PartnershipId, EntryId = entry.Id, AdmittedOn = options.AdmittedOn, Hospital = options.Hospital.Trim(),
            CommunityCetrHeldBefore = options.CommunityCetrHeldBefore, EmergencyProtocolMeetingHeldBefore = options.EmergencyProtocolMeetingHeldBefore,
            RecordedAt = now, RecordedByUserId = actor.UserId,
        };
        db.Add(admission);
        db.Add(new SupportRating
        {
            PartnershipId = entry.PartnershipId, EntryId = entry.Id, Rating = SupportRatingLevel.Blue, RatedAt = now, RatedByUserId = actor.UserId,
            RatedByOrganisationId = actor.OrganisationId, Why = $"Admitted to a mental health hospital on {options.AdmittedOn:d MMMM yyyy}.",
            Evidence = $"Admission recorded: {admission.Hospital}.",
        });
        (entry.CurrentRating, entry.RedSince, entry.ReferralDue) = (SupportRatingLevel.Blue, null, null);
        if (admission.IsException)
        {
            db.Add(new AdmissionRootCauseReview { PartnershipId = entry.PartnershipId, AdmissionId = admission.Id });
            db.Add(new Cetr
            {
                PartnershipId = entry.PartnershipId, EntryId = entry.Id, Kind = CetrKind.PostAdmission, AdmissionId = admission.Id, CreatedAt = now,
                Due = WorkingDays.Add(options.AdmittedOn, settings.PostAdmissionWorkingDays),
            });
        }
        else
        {
            var lastHeld = await db.Set<Cetr>().Where(c => c.EntryId == entry.Id && c.HeldOn != null).MaxAsync(c => c.HeldOn, ct);
            db.Add(InpatientClock(entry, admission, lastHeld is { } held && held <= options.AdmittedOn ? held : options.AdmittedOn, settings));
        }
        db.Process = process with { Purpose = "Mental health hospital admission" };
        await db.SaveChangesAsync(ct);
        return admission.Id;
    }

    /// <summary>Discharge planning: the day discharge is planned for (on or after admission).</summary>
    public async Task PlanDischargeAsync(PlanDischargeOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (admissionId, plannedOn) = options;
        var (_, admission) = await AdmissionAsync(actor, admissionId, ct);
        if (admission.DischargedOn is not null) throw new InvalidOperationException("The child is already discharged.");
        if (plannedOn < admission.AdmittedOn) throw new ArgumentException("Discharge is planned for a day on or after the admission.", nameof(options));
        admission.PlannedDischargeOn = plannedOn;
        db.Process = process with { Purpose = "Discharge planned" };
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Discharge: the child leaves blue for the rating given (a rating row; red starts the referral clock again) and the
    /// clocks of the stay that are not yet held stop.
    /// </summary>
    public async Task DischargeAsync(DischargeOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (entry, admission) = await AdmissionAsync(actor, options.AdmissionId, ct);
        if (admission.DischargedOn is not null) throw new InvalidOperationException("The child is already discharged.");
        if (options.Rating == SupportRatingLevel.Blue || !Enum.IsDefined(options.Rating)) throw new ArgumentException("Choose the rating the child leaves hospital with.", nameof(options));
        var why = options.Why?.Trim();
        if (string.IsNullOrEmpty(why) || why.Length > 2000) throw new ArgumentException("Say why this rating, 2,000 characters or fewer.", nameof(options));
        var now = db.Clock.GetCurrentInstant();
        if (options.DischargedOn < admission.AdmittedOn || options.DischargedOn > Today()) throw new ArgumentException("Discharge is on or after the admission, and not in the future.", nameof(options));
        (admission.DischargedOn, admission.DischargeRecordedAt, admission.DischargeRecordedByUserId) = (options.DischargedOn, now, actor.UserId);
        foreach (var running in await db.Set<Cetr>().Where(c => c.AdmissionId == admission.Id && c.HeldOn == null && c.ClosedAt == null).ToListAsync(ct))
            running.ClosedAt = now;
        db.Add(new SupportRating
        {
            PartnershipId = entry.PartnershipId, EntryId = entry.Id, Rating = options.Rating, Why = why, RatedAt = now, RatedByUserId = actor.UserId,
            RatedByOrganisationId = actor.OrganisationId, Evidence = $"Discharged from hospital on {options.DischargedOn:d MMMM yyyy}.",
        });
        if (options.Rating == SupportRatingLevel.Red)
        {
            var register = await db.Set<SupportRegisterSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.PartnershipId == entry.PartnershipId, ct)
                ?? new SupportRegisterSettings { PartnershipId = entry.PartnershipId };
            (entry.RedSince, entry.ReferralDue) = (now, ReferralClock.Due(now, register.ReferralWorkingDays));
        }
        entry.CurrentRating = options.Rating;
        db.Process = process with { Purpose = "Discharge from hospital" };
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Answers the root-cause review of an exception (an admission no community C(E)TR preceded).</summary>
    public async Task CompleteRootCauseReviewAsync(RootCauseReviewOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (_, admission) = await AdmissionAsync(actor, options.AdmissionId, ct);
        var review = await db.Set<AdmissionRootCauseReview>().SingleOrDefaultAsync(r => r.AdmissionId == admission.Id, ct)
            ?? throw new InvalidOperationException("Only an admission without a community C(E)TR has a root-cause review.");
        Throw(RootCauseReviewProblems(options.WhyNoCommunityCetr, options.WhatWouldHavePrevented, options.Learning));
        review.WasOnRegister = options.WasOnRegister;
        (review.WhyNoCommunityCetr, review.WhatWouldHavePrevented, review.Learning) = (options.WhyNoCommunityCetr.Trim(), options.WhatWouldHavePrevented.Trim(), options.Learning.Trim());
        (review.CompletedAt, review.CompletedByUserId) = (db.Clock.GetCurrentInstant(), actor.UserId);
        db.Process = process with { Purpose = "Admission root-cause review" };
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The entry's referrals, C(E)TRs and admissions, for the unit or the lead practitioner (audited); null when the partnership has no such entry.</summary>
    public async Task<EntryCetrsView?> OpenAsync(Guid entryId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var entry = await db.Set<SupportRegisterEntry>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId && e.PartnershipId == actor.PartnershipId, ct);
        if (entry is null) return null;
        var child = await ChildAsync(entry.PersonId, ct);
        DemandFull(actor, entry, child, Operation.Read);
        var today = Today();
        var referrals = await db.Set<CetrReferral>().AsNoTracking().Where(r => r.EntryId == entry.Id).OrderByDescending(r => r.ReferredAt).ToListAsync(ct);
        var cetrs = await db.Set<Cetr>().AsNoTracking().Where(c => c.EntryId == entry.Id).OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).ToListAsync(ct);
        var meetingIds = cetrs.Where(c => c.MeetingId != null).Select(c => c.MeetingId!.Value).ToList();
        var meetings = await db.Set<Meeting>().AsNoTracking().Include(m => m.Attendees).Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var actions = await (from a in db.Set<MeetingAction>().AsNoTracking()
                             join o in db.Organisations.AsNoTracking() on a.OwnerOrganisationId equals o.Id
                             join u in db.Users.AsNoTracking() on a.OwnerUserId equals u.Id into users
                             from u in users.DefaultIfEmpty()
                             where meetingIds.Contains(a.MeetingId)
                             orderby a.DueDate, a.Id
                             select new { a.MeetingId, View = new RecommendationView(a.Id, u == null ? o.Name : u.DisplayName + ", " + o.Name, a.Description, a.DueDate, a.Status) })
            .ToListAsync(ct);
        var admissions = await db.Set<Admission>().AsNoTracking().Where(a => a.EntryId == entry.Id).OrderByDescending(a => a.AdmittedOn).ToListAsync(ct);
        var admissionIds = admissions.Select(a => a.Id).ToList();
        var reviews = await db.Set<AdmissionRootCauseReview>().AsNoTracking().Where(r => admissionIds.Contains(r.AdmissionId)).ToDictionaryAsync(r => r.AdmissionId, ct);
        var agencies = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == actor.PartnershipId).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var names = await SealedPeople.NamesAsync(db, actor, [child.Id], ct);
        db.QueueAudit(process, AuditActions.Read, SupportRegisterEntries.ResourceType, entry.Id.ToString(), AuditOutcome.Allowed, "C(E)TRs and admissions");
        new AuditTrail(db).QueueListed(process, "C(E)TRs and admissions", PersonRecords.ResourceType, [child.Id]);
        await db.SaveChangesAsync(ct);
        return new EntryCetrsView(entry.Id, names.GetValueOrDefault(child.Id, SealedPeople.Withheld), entry.CurrentRating, entry.ReferralDue,
            [.. referrals.Select(r => new CetrReferralView(r.Id, r.WhyNow, r.WhatTried, r.FamilyView, r.RedSince?.InZone(ReferralClock.London).Date, r.ReferralDue, r.ReferredAt, r.CetrId))],
            [.. cetrs.Select(c =>
            {
                var meeting = c.MeetingId is { } id ? meetings.GetValueOrDefault(id) : null;
                return new CetrView(c.Id, c.Kind, c.Due, IsRunning(c) && c.Due < today, meeting?.Date, c.HeldOn, c.ClosedAt is not null,
                    meeting is null ? [] : [.. meeting.Attendees.Where(a => a.RemovedAt == null).OrderBy(a => a.PanelRole).ThenBy(a => a.Name).Select(a => new PanelMemberView(a.Id, a.Name, a.PanelRole, a.Attended))],
                    [.. actions.Where(a => a.MeetingId == c.MeetingId).Select(a => a.View)]);
            })],
            [.. admissions.Select(a => new AdmissionView(a.Id, a.AdmittedOn, a.Hospital, a.CommunityCetrHeldBefore, a.EmergencyProtocolMeetingHeldBefore, a.PlannedDischargeOn,
                a.DischargedOn, reviews.TryGetValue(a.Id, out var r) ? new RootCauseReviewView(r.WasOnRegister, r.WhyNoCommunityCetr, r.WhatWouldHavePrevented, r.Learning, r.CompletedAt) : null))],
            [.. agencies.Select(a => (a.Id, a.Name))], today);
    }

    /// <summary>
    /// The complex-needs unit's queue (the lead practitioner sees their own children's): referrals waiting for a C(E)TR,
    /// with the day the entry went red and the referral's due date; and every clock that runs (red without a referral,
    /// post-admission, inpatient), soonest due first. Each row is audited.
    /// </summary>
    public async Task<CetrQueue> QueueAsync(ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!actor.HasAny(Resource.SupportRegisterEntry, Operation.Update)) throw new ForbiddenException(ResourceType, null, "no role grants Update on SupportRegisterEntry");
        var today = Today();
        var entries = FullyReadable(actor);
        var waiting = await (from r in db.Set<CetrReferral>().AsNoTracking()
                             join e in entries on r.EntryId equals e.Id
                             where r.CetrId == null
                             orderby r.ReferredAt
                             select new { r.Id, e.PersonId, r.EntryId, r.RedSince, r.ReferralDue, r.ReferredAt }).Take(500).ToListAsync(ct);
        var referralClocks = await entries.Where(e => e.Status == SupportRegisterStatus.OnRegister && e.ReferralDue != null)
            .Select(e => new { EntryId = e.Id, e.PersonId, Kind = CetrClockKind.Referral, Due = e.ReferralDue!.Value, Escalated = e.ReferralEscalatedDue == e.ReferralDue })
            .Take(500).ToListAsync(ct);
        var cetrClocks = await (from c in db.Set<Cetr>().AsNoTracking()
                                join e in entries on c.EntryId equals e.Id
                                where c.Due != null && c.HeldOn == null && c.ClosedAt == null
                                select new { c.EntryId, e.PersonId, Kind = c.Kind == CetrKind.PostAdmission ? CetrClockKind.PostAdmission : CetrClockKind.Inpatient, Due = c.Due!.Value,
                                    Escalated = c.EscalatedDue == c.Due }).Take(500).ToListAsync(ct);
        var clocks = referralClocks.Concat(cetrClocks).OrderBy(c => c.Due).ToList();
        var people = waiting.Select(w => w.PersonId).Concat(clocks.Select(c => c.PersonId)).Distinct().ToList();
        var names = await SealedPeople.NamesAsync(db, actor, people, ct);
        var audit = new AuditTrail(db);
        audit.QueueListed(process, "C(E)TR queue", SupportRegisterEntries.ResourceType, waiting.Select(w => w.EntryId).Concat(clocks.Select(c => c.EntryId)).Distinct());
        audit.QueueListed(process, "C(E)TR queue", PersonRecords.ResourceType, people);
        await db.SaveChangesAsync(ct);
        return new CetrQueue(
            [.. waiting.Select(w => new WaitingReferralRow(w.Id, w.EntryId, names.GetValueOrDefault(w.PersonId, SealedPeople.Withheld), w.RedSince?.InZone(ReferralClock.London).Date, w.ReferralDue, w.ReferredAt))],
            [.. clocks.Select(c => new CetrClockRow(c.EntryId, names.GetValueOrDefault(c.PersonId, SealedPeople.Withheld), c.Kind, c.Due, c.Due < today, c.Escalated))],
            today);
    }

    /// <summary>The partnership's C(E)TR clocks, or the defaults.</summary>
    public async Task<CetrSettings> SettingsAsync(Guid partnershipId, CancellationToken ct = default) =>
        await db.Set<CetrSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.PartnershipId == partnershipId, ct) ?? new CetrSettings { PartnershipId = partnershipId };

    public const int MaxPostAdmissionWorkingDays = 20;
    public const int MaxInpatientMonths = 12;

    /// <summary>Changes the clocks (the unit's alone): working days to the post-admission C(E)TR (1 to 20), months between inpatient ones (1 to 12). Applies to clocks started afterwards.</summary>
    public async Task ChangeSettingsAsync(CetrSettingsOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var (postAdmissionWorkingDays, inpatientMonths) = options;
        if (!actor.Grants.Any(g => g is { Resource: Resource.SupportRegisterEntry, Operation: Operation.Update, Scope: Scope.WholePartnership }))
            throw new ForbiddenException(nameof(CetrSettings), actor.PartnershipId.ToString(), "no role grants Update on the whole register");
        if (postAdmissionWorkingDays is < 1 or > MaxPostAdmissionWorkingDays)
            throw new ArgumentException($"The post-admission C(E)TR must be due in 1 to {MaxPostAdmissionWorkingDays} working days.", nameof(options));
        if (inpatientMonths is < 1 or > MaxInpatientMonths)
            throw new ArgumentException($"Inpatient C(E)TRs must be due every 1 to {MaxInpatientMonths} months.", nameof(options));
        // One way to change settings, so that every change is kept with its old and new value (RegisterSettings.cs).
        var register = new SupportRegisterEntries(db);
        var current = await register.SettingsAsync(actor.PartnershipId, ct);
        await register.ChangeSettingsAsync(new UnitSettingsOptions(new RegisterSettingsValues(current.ReferralWorkingDays, current.KeyworkerRatings, current.ReviewCadence), options),
            process, ct);
    }

    private Cetr InpatientClock(SupportRegisterEntry entry, Admission admission, LocalDate from, CetrSettings settings) => new()
    {
        PartnershipId = entry.PartnershipId, EntryId = entry.Id, Kind = CetrKind.Inpatient, AdmissionId = admission.Id, CreatedAt = db.Clock.GetCurrentInstant(),
        Due = from.PlusMonths(settings.InpatientMonths),
    };

    private static bool IsRunning(Cetr c) => c.Due is not null && c.HeldOn is null && c.ClosedAt is null;

    private Task<Admission?> OpenAdmissionAsync(Guid entryId, CancellationToken ct) =>
        db.Set<Admission>().SingleOrDefaultAsync(a => a.EntryId == entryId && a.DischargedOn == null, ct);

    private async Task<(SupportRegisterEntry Entry, Admission Admission)> AdmissionAsync(Actor actor, Guid admissionId, CancellationToken ct)
    {
        var admission = await db.Set<Admission>().SingleOrDefaultAsync(a => a.Id == admissionId && a.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(nameof(Admission), admissionId.ToString());
        return (await UpdatableAsync(actor, admission.EntryId, ct), admission);
    }

    private async Task<(SupportRegisterEntry Entry, Cetr Cetr, Meeting Meeting)> BookedAsync(Actor actor, Guid cetrId, CancellationToken ct)
    {
        var cetr = await db.Set<Cetr>().SingleOrDefaultAsync(c => c.Id == cetrId && c.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(ResourceType, cetrId.ToString());
        var entry = await UpdatableAsync(actor, cetr.EntryId, ct);
        if (cetr.MeetingId is not { } meetingId) throw new ArgumentException("The review is not booked yet.");
        return (entry, cetr, await db.Set<Meeting>().AsNoTracking().SingleAsync(m => m.Id == meetingId, ct));
    }

    /// <summary>The entry, for one the policy lets update it (the unit, the lead practitioner): the only ones who change C(E)TRs.</summary>
    private async Task<SupportRegisterEntry> UpdatableAsync(Actor actor, Guid entryId, CancellationToken ct)
    {
        var entry = await db.Set<SupportRegisterEntry>().SingleOrDefaultAsync(e => e.Id == entryId && e.PartnershipId == actor.PartnershipId, ct)
            ?? throw new NotFoundException(SupportRegisterEntries.ResourceType, entryId.ToString());
        DemandFull(actor, entry, await ChildAsync(entry.PersonId, ct), Operation.Update);
        return entry;
    }

    /// <summary>The entry's policy for the operation, and the full reading of it: a school or GP practice reading under consent never reaches a C(E)TR.</summary>
    private static void DemandFull(Actor actor, SupportRegisterEntry entry, Person child, Operation operation)
    {
        var decision = SupportRegisterEntries.Decide(actor, entry, child, operation);
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, entry.Id.ToString(), decision.Reason);
        if (!IsFullReader(actor, entry)) throw new ForbiddenException(ResourceType, entry.Id.ToString(), "C(E)TRs are the complex-needs unit's and the lead practitioner's only");
    }

    private static bool IsFullReader(Actor actor, SupportRegisterEntry entry) =>
        (actor.UserId is { } user && user == entry.LeadPractitionerUserId)
        || actor.Grants.Any(g => g is { Resource: Resource.SupportRegisterEntry, Operation: Operation.Read, Scope: Scope.WholePartnership });

    /// <summary>The entries whose C(E)TRs this reader may see, as a query: the whole partnership's for the unit, else the ones they lead (a sealed child only with leave).</summary>
    private IQueryable<SupportRegisterEntry> FullyReadable(Actor actor)
    {
        var (partnership, user) = (actor.PartnershipId, actor.UserId);
        var entries = db.Set<SupportRegisterEntry>().AsNoTracking().Where(e => e.PartnershipId == partnership);
        if (!SealedPeople.MaySee(actor)) entries = entries.Where(e => !db.People.Any(p => p.Id == e.PersonId && p.IsSealed));
        if (actor.Grants.Any(g => g is { Resource: Resource.SupportRegisterEntry, Operation: Operation.Read, Scope: Scope.WholePartnership })) return entries;
        if (actor.HasAny(Resource.SupportRegisterEntry, Operation.Update)) return entries.Where(e => user != null && e.LeadPractitionerUserId == user);
        return entries.Where(_ => false);
    }

    private async Task<Person> ChildAsync(Guid personId, CancellationToken ct) =>
        await db.People.AsNoTracking().Include(p => p.Links).SingleAsync(p => p.Id == personId, ct);

    private LocalDate Today() => SupportRegisterEntries.Today(db.Clock.GetCurrentInstant());
}
