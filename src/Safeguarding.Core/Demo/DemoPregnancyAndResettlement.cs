using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Exploitation.Mace;
using Safeguarding.Core.Exploitation.Pregnancy;
using Safeguarding.Core.Exploitation.Resettlement;
using Safeguarding.Core.Meetings;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Demo;

/// <summary>
/// A year of under-18 maternity bookings (issue 14: about 60 a year), written as the intake and the midwives would leave
/// them: nearly all screened within the 14 days, a handful late, two overdue now and two booked this week and not yet
/// due; most screenings show emerging risk (none ticked, or one or two), a few moderate, one significant referred to
/// children's social work. And the young offender institution's public protection meeting: one four-weekly series with a
/// child's release plan whose actions are set from the release date.
/// </summary>
public sealed class DemoPregnancyAndResettlement(SafeguardingDbContext db)
{
    public const int BookingsInYear = 60;

    private static readonly string[][] Answers = [[], [], [], ["p1"], ["i1", "p1"], [], ["q2"], ["i1", "i2", "p1", "p3"]];

    public async Task SeedAsync(Guid partnershipId, Instant now, CancellationToken ct = default)
    {
        var random = new Random(1406);
        var orgs = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnershipId).Select(o => new { o.Id, o.Type, o.Name }).ToListAsync(ct);
        var trust = orgs.FirstOrDefault(o => o.Type == OrganisationType.HospitalTrust);
        var police = orgs.FirstOrDefault(o => o.Type == OrganisationType.PoliceForce);
        var youthJustice = orgs.FirstOrDefault(o => o.Type == OrganisationType.YouthJustice);
        var council = orgs.FirstOrDefault(o => o.Type == OrganisationType.CouncilService);
        if (trust is null || police is null || youthJustice is null || council is null) return;
        var users = await db.Users.AsNoTracking().Where(u => u.PartnershipId == partnershipId).Select(u => new { u.Id, u.Email, u.OrganisationId, u.DisplayName }).ToListAsync(ct);
        var midwife = users.FirstOrDefault(u => u.Email!.StartsWith("midwife@", StringComparison.Ordinal));
        var resettlement = users.FirstOrDefault(u => u.Email!.StartsWith("resettlement@", StringComparison.Ordinal));
        var today = Households.LondonDate(now);

        // Young women 14 to 17 on the day they booked (some have turned 18 since); the newest ids, so as not to be the same
        // children the missing and MACE demos pick first. Oldest first, so that those who have turned 18 take the year's
        // earliest dates; one who would be 18 on her date is passed over.
        var candidates = await db.People.AsNoTracking()
            .Where(p => p.PartnershipId == partnershipId && p.Sex == Sex.Female && p.DateOfBirth != null && p.DateOfBirth <= today.PlusYears(-14)
                        && p.DateOfBirth > today.PlusYears(-19) && !p.IsSealed && p.MergedIntoPersonId == null)
            .OrderByDescending(p => p.Id).Take(BookingsInYear * 2).Select(p => new { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.NhsNumber }).ToListAsync(ct);
        candidates = [.. candidates.OrderBy(p => p.DateOfBirth).ThenBy(p => p.Id)];
        // Spread over the year, newest last: the last two this week (not yet due), the two before them overdue now.
        LocalDate Slot(int i) => i switch
        {
            BookingsInYear - 1 => today.PlusDays(-1),
            BookingsInYear - 2 => today.PlusDays(-3),
            BookingsInYear - 3 => today.PlusDays(-17),
            BookingsInYear - 4 => today.PlusDays(-20),
            _ => today.PlusDays(-360 + i * 340 / (BookingsInYear - 4)),
        };
        var young = new List<(Guid Id, string GivenName, string FamilyName, LocalDate? DateOfBirth, string? NhsNumber, LocalDate Booked)>();
        foreach (var c in candidates)
        {
            if (young.Count == BookingsInYear) break;
            var on = Slot(young.Count);
            if (c.DateOfBirth!.Value.PlusYears(18) > on && c.DateOfBirth.Value.PlusYears(14) <= on) young.Add((c.Id, c.GivenName, c.FamilyName, c.DateOfBirth, c.NhsNumber, on));
        }
        var checklist = DomesticAbuse.Checklists.ShippedChecklists.Get(MaceReferrals.ChecklistCode);
        for (var i = 0; i < young.Count; i++)
        {
            var p = young[i];
            var booked = p.Booked;
            var report = new MaternityBookingReport
            {
                BookingReference = $"MAT/{booked.Year % 100:00}/{4100 + i:0000}", BookingDate = booked.ToString("yyyy-MM-dd", null),
                ExpectedDeliveryDate = booked.PlusWeeks(28 + random.Next(6)).ToString("yyyy-MM-dd", null),
                Patient = new MaternityPatient { NhsNumber = p.NhsNumber, GivenName = p.GivenName, FamilyName = p.FamilyName, DateOfBirth = p.DateOfBirth?.ToString("yyyy-MM-dd", null) },
            };
            var booking = new MaternityBooking
            {
                PartnershipId = partnershipId, TrustOrganisationId = trust.Id, BookingReference = report.BookingReference, BookingDate = booked, PersonId = p.Id,
                ExpectedDeliveryDate = LocalDate.FromDateTime(DateTime.Parse(report.ExpectedDeliveryDate, System.Globalization.CultureInfo.InvariantCulture)),
                ScreeningDueDate = booked.PlusDays(MaternitySettings.DefaultScreeningWithinDays), ReceivedAt = booked.At(new LocalTime(9, 30)).InZoneLeniently(Households.London).ToInstant(),
                Received = JsonSerializer.Serialize(report, IncidentReport.Json), Fingerprint = report.Fingerprint(),
            };
            db.Add(booking);
            if (i >= young.Count - 4) continue;
            // Screened within 2 to 12 days; about one in twelve a few days late.
            var after = i % 12 == 5 ? 15 + random.Next(6) : 2 + random.Next(11);
            var screenedOn = booked.PlusDays(after);
            var yes = i == 17 ? ["i3", "i1", "p1"] : Answers[i % Answers.Length];
            var (count, risk) = MaceReferrals.Score(checklist, yes);
            var at = screenedOn.At(new LocalTime(14, 0)).InZoneLeniently(Households.London).ToInstant();
            var screening = new ExploitationScreening
            {
                PartnershipId = partnershipId, ChildPersonId = p.Id, ChecklistCode = checklist.Code, ChecklistVersion = checklist.Version,
                Answers = JsonSerializer.Serialize(yes), YesCount = count, ScoredRisk = risk, Risk = risk,
                PractitionerView = count == 0 ? "Booked with her mother; partner the same age and known to the family. No concerns." : "Partner older than she first said; she is vague about where she stays.",
                ChildsWords = count == 0 ? null : "He looks after me.", CompletedByOrganisationId = trust.Id, CompletedByUserId = midwife?.Id, CompletedAt = at,
            };
            db.Add(screening);
            (booking.ScreeningId, booking.ScreenedAt, booking.ScreenedByUserId) = (screening.Id, at, midwife?.Id);
            if (risk == ExploitationRisk.Significant)
                (booking.SocialWorkReferredAt, booking.SocialWorkReferralReason, booking.SocialWorkTakenAt) = (at, MaternityBookings.StatutoryReason, at + Duration.FromHours(3));
        }

        await SeedReleasePlanAsync(partnershipId, today, police.Id, youthJustice.Id, council.Id, resettlement?.Id, ct);
        await DemoPartnership.SaveBatchAsync(db, ct);
    }

    /// <summary>The YOI's public protection meeting: four-weekly, held last on the most recent date, one child's release in six weeks.</summary>
    private async Task SeedReleasePlanAsync(Guid partnershipId, LocalDate today, Guid police, Guid youthJustice, Guid council, Guid? chair, CancellationToken ct)
    {
        var child = await db.People.AsNoTracking()
            .Where(p => p.PartnershipId == partnershipId && p.Sex == Sex.Male && p.DateOfBirth != null && p.DateOfBirth <= today.PlusYears(-16)
                        && p.DateOfBirth > today.PlusYears(-17) && !p.IsSealed && p.MergedIntoPersonId == null)
            .OrderByDescending(p => p.Id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (child is null) return;
        var first = MeetingCadence.NextWorkingDay(today.PlusDays(-120));
        var series = new MeetingSeries
        {
            PartnershipId = partnershipId, Name = "Wetherby YOI public protection meeting", Kind = MeetingKind.PublicProtection, Cadence = Cadence.FourWeekly,
            FirstDate = first, StartTime = new LocalTime(10, 0), DurationMinutes = 90, ChairOrganisationId = youthJustice, ChairUserId = chair,
            Location = "Resettlement office, or the video link in the invitation",
            Members = new[] { youthJustice, police, council }.Select(o => new SeriesMember { OrganisationId = o }).ToList(),
        };
        db.MeetingSeries.Add(series);
        var last = MeetingCadence.DatesFrom(series.Cadence, first, first).TakeWhile(d => d < today).Last();
        var starts = last.At(series.StartTime).InZoneLeniently(Households.London).ToInstant();
        var meeting = new Meeting
        {
            PartnershipId = partnershipId, SeriesId = series.Id, Date = last, StartsAt = starts, EndsAt = starts + Duration.FromMinutes(series.DurationMinutes), Status = MeetingStatus.Held,
        };
        db.Meetings.Add(meeting);
        var release = today.PlusDays(42);
        var plan = new ReleasePlan { PartnershipId = partnershipId, SeriesId = series.Id, ChildPersonId = child.Value, ReleaseDate = release, CreatedAt = starts, UpdatedAt = starts };
        db.Add(plan);
        foreach (var (owner, what, days) in new[]
        {
            (council, "Confirm supported accommodation and the address for the licence", 28),
            (youthJustice, "Education, training or work place from the first week: college interview booked", 21),
            (police, "Share licence conditions and exclusion zone with the neighbourhood team", 7),
            (youthJustice, "Meet him at the gate and take him to the first appointment", 0),
            (council, "Home visit to check the placement is holding", -3),
        })
        {
            var action = new MeetingAction
            {
                PartnershipId = partnershipId, MeetingId = meeting.Id, OwnerOrganisationId = owner, Description = what, DueDate = release.PlusDays(-days),
                Status = ActionStatus.Open, CreatedAt = starts,
            };
            db.Add(action);
            db.Add(new ReleasePlanAction { ReleasePlanId = plan.Id, MeetingActionId = action.Id, DaysBeforeRelease = days });
        }
    }
}
