using NodaTime;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.SupportRegister;

namespace Safeguarding.Core.Demo;

// The demo register's admissions, C(E)TRs, keyworker referrals and reviews (issue 15, third slice), written as the
// services would leave them, in the same batch as the entries: a second fixed seed, so the entries stay as they were.
public sealed partial class DemoSupportRegister
{
    /// <summary>An entry as seeded, with its rating rows (oldest first) and its lead.</summary>
    private sealed record Seeded(SupportRegisterEntry Entry, List<SupportRating> Ratings, Guid LeadId, Guid LeadOrganisationId);

    private static readonly string[] Hospitals = ["Oakwood adolescent unit", "The Beeches children's unit", "Riverside CAMHS inpatient unit"];

    private static LocalDate WorkingDayOnOrBefore(LocalDate day)
    {
        while (!BankHolidays.IsWorkingDay(day)) day = day.PlusDays(-1);
        return day;
    }

    private static LocalDate Day(Instant at) => at.InZone(ReferralClock.London).Date;

    private static Instant At(LocalDate day, int hour) => day.At(new LocalTime(hour, 0)).InZoneLeniently(ReferralClock.London).ToInstant();

    /// <summary>
    /// The blue children are in hospital (admitted the day they went blue), and a few amber children were in and are home
    /// (admitted between their last two ratings, discharged on the last): about half had a community C(E)TR first, the
    /// rest are exceptions with a root-cause review and a post-admission C(E)TR (on time but for one); inpatient C(E)TRs
    /// every three months while in. Most red children have a C(E)TR referral waiting; most red and amber ones a keyworker
    /// referral; the unit holds monthly reviews (two held, the next planned).
    /// </summary>
    private void AddCetrsKeyworkersAndReviews(Guid partnershipId, List<Seeded> kept, Guid coordinatorId, Guid unitId, LocalDate today, DemoScale scale)
    {
        var random = new Random(1516);
        var on = kept.Where(k => k.Entry.Status == SupportRegisterStatus.OnRegister).ToList();
        var lateOneDone = false;
        var admitted = 0;

        void Admit(Seeded k, LocalDate admittedOn, LocalDate? dischargedOn)
        {
            var community = admitted++ % 2 == 0;
            var consent = k.Entry.ConsentGivenOn!.Value;
            var before = WorkingDayOnOrBefore(admittedOn.PlusDays(-7 - random.Next(7)));
            if (before <= consent) community = false;
            var admission = new Admission
            {
                PartnershipId = partnershipId, EntryId = k.Entry.Id, AdmittedOn = admittedOn, Hospital = Hospitals[random.Next(Hospitals.Length)],
                CommunityCetrHeldBefore = community, EmergencyProtocolMeetingHeldBefore = !community && random.Next(2) == 0,
                RecordedAt = At(admittedOn, 14), RecordedByUserId = k.LeadId, DischargedOn = dischargedOn,
                DischargeRecordedAt = dischargedOn is { } d ? At(d, 15) : null, DischargeRecordedByUserId = dischargedOn is null ? null : k.LeadId,
            };
            db.Add(admission);
            var end = dischargedOn ?? today;
            LocalDate from;
            if (community)
            {
                db.Add(new Cetr { PartnershipId = partnershipId, EntryId = k.Entry.Id, Kind = CetrKind.Community, HeldOn = before, CreatedAt = At(before.PlusDays(-10), 10) });
                from = before;
            }
            else
            {
                var answered = admittedOn.PlusDays(30) < today;
                db.Add(new AdmissionRootCauseReview
                {
                    PartnershipId = partnershipId, AdmissionId = admission.Id, WasOnRegister = answered ? true : null,
                    WhyNoCommunityCetr = answered ? "Crisis over a weekend; the emergency protocol meeting could not be convened in time." : null,
                    WhatWouldHavePrevented = answered ? "An earlier C(E)TR referral when the rating first rose to red." : null,
                    Learning = answered ? "Refer for a community C(E)TR as soon as the child is rated red." : null,
                    CompletedAt = answered ? At(admittedOn.PlusDays(28), 12) : null, CompletedByUserId = answered ? coordinatorId : null,
                });
                var due = WorkingDays.Add(admittedOn, CetrSettings.DefaultPostAdmissionWorkingDays);
                var late = !lateOneDone && due.PlusDays(7) < end;
                lateOneDone |= late;
                var held = late ? WorkingDays.Add(due, 2) : WorkingDayOnOrBefore(due.PlusDays(-random.Next(4)));
                var post = new Cetr { PartnershipId = partnershipId, EntryId = k.Entry.Id, Kind = CetrKind.PostAdmission, AdmissionId = admission.Id, Due = due, CreatedAt = admission.RecordedAt };
                db.Add(post);
                if (held >= end) { post.ClosedAt = dischargedOn is { } home ? At(home, 15) : null; return; }
                post.HeldOn = held;
                from = held;
            }
            // Inpatient C(E)TRs every three months from the last one held, on time, until the child goes home (or today).
            while (true)
            {
                var due = from.PlusMonths(CetrSettings.DefaultInpatientMonths);
                var clock = new Cetr { PartnershipId = partnershipId, EntryId = k.Entry.Id, Kind = CetrKind.Inpatient, AdmissionId = admission.Id, Due = due, CreatedAt = At(from, 16) };
                db.Add(clock);
                var held = WorkingDayOnOrBefore(due.PlusDays(-random.Next(5)));
                if (held >= end) { clock.ClosedAt = dischargedOn is { } home ? At(home, 15) : null; return; }
                clock.HeldOn = from = held;
            }
        }

        // In hospital now: the blue children, admitted when they went blue.
        foreach (var k in on.Where(k => k.Entry.CurrentRating == SupportRatingLevel.Blue))
            Admit(k, Day(k.Ratings[^1].RatedAt), null);
        // Home again: a few amber children with time between their last two ratings, the last one given at discharge.
        foreach (var k in on.Where(k => k.Entry.CurrentRating == SupportRatingLevel.Amber && k.Ratings.Count >= 2
                     && Period.Between(Day(k.Ratings[^2].RatedAt), Day(k.Ratings[^1].RatedAt), PeriodUnits.Days).Days >= 20).Take(scale == DemoScale.City ? 3 : 1))
        {
            var (admittedOn, home) = (Day(k.Ratings[^2].RatedAt).PlusDays(3), Day(k.Ratings[^1].RatedAt));
            db.Add(new SupportRating
            {
                PartnershipId = partnershipId, EntryId = k.Entry.Id, Rating = SupportRatingLevel.Blue, RatedAt = At(admittedOn, 14), RatedByUserId = k.LeadId,
                RatedByOrganisationId = k.LeadOrganisationId, Why = $"Admitted to a mental health hospital on {admittedOn:d MMMM yyyy}.", Evidence = "Admission notice from the inpatient unit",
            });
            k.Ratings[^1].Evidence = $"Discharged from hospital on {home:d MMMM yyyy}.";
            Admit(k, admittedOn, home);
        }

        // C(E)TR referrals: every red child but the last, a working day or two after going red (the referral clock then stops).
        var red = on.Where(k => k.Entry.CurrentRating == SupportRatingLevel.Red && k.Entry.RedSince is not null).ToList();
        foreach (var k in red.Take(Math.Max(0, red.Count - 1)))
        {
            var referredOn = WorkingDays.Add(Day(k.Entry.RedSince!.Value), 1 + random.Next(2));
            if (referredOn >= today) continue;
            db.Add(new CetrReferral
            {
                PartnershipId = partnershipId, EntryId = k.Entry.Id, WhyNow = "Rated red: crisis at home and at school this month.",
                WhatTried = "Positive behaviour support plan, extra short breaks, CAMHS crisis team visits.", FamilyView = "The family want help at home, not an admission.",
                RedSince = k.Entry.RedSince, ReferralDue = k.Entry.ReferralDue, ReferredAt = At(referredOn, 11), ReferredByUserId = k.LeadId, ReferredByOrganisationId = k.LeadOrganisationId,
            });
            k.Entry.ReferralDue = null;
        }

        // Keyworker referrals for most red, amber and blue children, from the first rating that met the criteria; the
        // keyworker allocated a few weeks on names the entry's keyworker.
        foreach (var k in on.Where(k => k.Entry.CurrentRating is SupportRatingLevel.Red or SupportRatingLevel.Amber or SupportRatingLevel.Blue))
        {
            if (random.Next(10) >= 8) continue;
            var first = k.Ratings.First(r => r.Rating is SupportRatingLevel.Red or SupportRatingLevel.Amber or SupportRatingLevel.Blue);
            var referredOn = WorkingDays.Add(Day(first.RatedAt), 2);
            if (referredOn >= today) continue;
            var allocatedOn = WorkingDays.Add(referredOn, 10 + random.Next(15));
            var allocated = allocatedOn < today && random.Next(10) < 8;
            var keyworker = k.Entry.Keyworker ?? Keyworkers[random.Next(Keyworkers.Length)];
            db.Add(new KeyworkerReferral
            {
                PartnershipId = partnershipId, EntryId = k.Entry.Id, Service = "Children and young people's keyworker service", ReferredOn = referredOn, RecordedAt = At(referredOn, 12),
                ReferredByUserId = k.LeadId, ReferredByOrganisationId = k.LeadOrganisationId, AllocatedKeyworker = allocated ? keyworker : null, AllocatedOn = allocated ? allocatedOn : null,
                AllocationRecordedAt = allocated ? At(allocatedOn, 12) : null, AllocationRecordedByUserId = allocated ? k.LeadId : null,
            });
            k.Entry.Keyworker = allocated ? keyworker : null;
        }

        // The unit's monthly review: two held (red and amber children on their agendas), the next planned.
        var firstReview = MeetingCadence.NextWorkingDay(today.PlusMonths(-2).With(DateAdjusters.StartOfMonth).PlusDays(9));
        var series = new MeetingSeries
        {
            PartnershipId = partnershipId, Name = RegisterReviews.SeriesName, Kind = MeetingKind.RegisterReview, Cadence = Cadence.Monthly, FirstDate = firstReview,
            StartTime = new LocalTime(10, 0), DurationMinutes = 120, ChairOrganisationId = unitId, ChairUserId = coordinatorId,
        };
        db.Add(series);
        for (var n = 0; n < 3; n++)
        {
            var date = MeetingCadence.NextWorkingDay(firstReview.PlusMonths(n));
            var held = date < today && n < 2;
            var starts = At(date, 10);
            var meeting = new Meeting
            {
                PartnershipId = partnershipId, SeriesId = series.Id, Date = date, StartsAt = starts, EndsAt = starts + Duration.FromHours(2),
                Status = held ? MeetingStatus.Held : MeetingStatus.Planned,
            };
            db.Add(meeting);
            db.Add(new MeetingAttendee { MeetingId = meeting.Id, OrganisationId = unitId, UserId = coordinatorId, Name = "Complex needs coordinator", Attended = held ? true : null });
            if (!held) continue;
            var position = 0;
            foreach (var k in on.Where(k => k.Ratings.LastOrDefault(r => Day(r.RatedAt) < date)?.Rating is SupportRatingLevel.Red or SupportRatingLevel.Amber))
                db.Add(new AgendaItem
                {
                    MeetingId = meeting.Id, Position = ++position, SubjectKind = SubjectKind.Child, SubjectPersonId = k.Entry.PersonId,
                    Reason = k.Ratings.Last(r => Day(r.RatedAt) < date).Rating == SupportRatingLevel.Red ? "Rated red" : "Rated amber",
                    SourceType = SupportRegisterEntries.ResourceType, SourceId = k.Entry.Id,
                });
        }
    }
}
