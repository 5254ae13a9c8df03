using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Demo;

/// <summary>
/// The Front Door's contacts from 1 April two years back to now, written directly (as the services would leave them):
/// about 6,000 a year at the city scale (240 at the small one), from schools, the police, GP practices, the council
/// and the public. About a third are accepted as referrals, a fifth of those re-referrals of a child referred in the
/// months before. Decisions are mostly within the working day, some late, and the last few days' wait (some overdue
/// now); assessments mostly within 45 working days, the recent ones open (some overdue). Calibrated on the seed: of the
/// accepted referrals, 21.3% in the year before last have a domestic-abuse factor (3A, 3B or 3C), 18.8% since. One
/// fixed seed, so two seeds of one scale give the same contacts.
/// </summary>
public sealed class DemoFrontDoor(SafeguardingDbContext db)
{
    public static int ContactsPerYear(DemoScale scale) => scale == DemoScale.City ? 6000 : 240;

    /// <summary>The seed's shares of accepted referrals with a domestic-abuse factor: 2022-23 (our year before last) and 2023-24 (since).</summary>
    public const double DomesticAbuseShareBefore = 0.213, DomesticAbuseShare = 0.188;

    private static readonly string[] Concerns =
    [
        "Child arrived at school with a bruise on the cheek and would not say how it happened.",
        "Parent seemed intoxicated at collection; child says this happens most evenings.",
        "Neighbour reports shouting and a child crying late at night, several nights this week.",
        "Child disclosed that mum's partner hits mum; child was in the room.",
        "Child missing from home overnight; returned with new clothes and a phone.",
        "Attendance has fallen sharply; home visits unanswered.",
        "Child says there is often no food at home; arrives hungry.",
        "Young person self-harming; says things at home are too much.",
    ];
    private static readonly string[] DomesticAbuseCodes = ["3A", "3B", "3C"];
    private static readonly string[] NonDomesticAbuseFactors = ["1B", "2B", "4A", "4B", "5A", "10A", "11A", "14A", "15A", "16A", "17A", "18B", "18C", "19B", "24A"];

    public async Task SeedAsync(Guid partnershipId, DemoScale scale, Instant now, CancellationToken ct = default)
    {
        var london = WorkingDays.London;
        var today = now.InZone(london).Date;
        var frontDoor = await db.Users.AsNoTracking().Where(u => u.PartnershipId == partnershipId && u.Email!.StartsWith("frontdoor.practitioner@"))
            .Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        var orgs = await db.Organisations.AsNoTracking().Where(o => o.PartnershipId == partnershipId).Select(o => new { o.Id, o.Type }).ToListAsync(ct);
        var police = orgs.FirstOrDefault(o => o.Type == OrganisationType.PoliceForce)?.Id;
        var council = orgs.FirstOrDefault(o => o.Type == OrganisationType.CouncilService)?.Id;
        var gps = orgs.Where(o => o.Type == OrganisationType.GpPractice).Select(o => o.Id).ToList();
        var (oldest, youngest) = (today.PlusYears(-17), today.PlusDays(-30));
        var children = await db.People.AsNoTracking()
            .Where(p => p.PartnershipId == partnershipId && p.DateOfBirth >= oldest && p.DateOfBirth <= youngest && !p.IsSealed && p.MergedIntoPersonId == null)
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, School = p.Links.Where(l => l.Kind == PersonLinkKind.RegisteredPupil).Select(l => (Guid?)l.OrganisationId).FirstOrDefault() })
            .Take(20_000).ToListAsync(ct);
        if (frontDoor is null || police is null || council is null || children.Count < 50) return;

        var byId = children.ToDictionary(c => c.Id);
        var random = new Random(1616);
        // Two years back to the 1 April that starts them: the year before last, the last year, and this one so far.
        var start = new LocalDate(today.Month >= 4 ? today.Year - 2 : today.Year - 3, 4, 1);
        var lastYearStarts = start.PlusYears(1);
        var days = Period.Between(start, today, PeriodUnits.Days).Days;
        var total = (int)((long)ContactsPerYear(scale) * days / 365);
        var referred = new List<(Guid Child, LocalDate On)>();
        var (referralsBefore, referralsSince) = (0, 0);
        for (var i = 0; i < total; i++)
        {
            var on = start.PlusDays((int)((long)i * days / total));
            if (!BankHolidays.IsWorkingDay(on) && random.Next(4) > 0) continue; // fewer at weekends and on bank holidays
            var received = on.At(new LocalTime(8 + random.Next(10), random.Next(60))).InZoneLeniently(london).ToInstant();
            if (received > now) break;
            var accepted = random.Next(100) < 34;
            // A fifth of referrals come back about a child referred in the year before.
            var recent = referred.Where(r => r.On > on.PlusDays(-330)).ToList();
            var child = accepted && recent.Count > 0 && random.Next(5) == 0
                ? byId[recent[random.Next(recent.Count)].Child]
                : children[random.Next(children.Count)];
            var (source, from) = random.Next(20) switch
            {
                < 8 when child.School is { } school => (ContactSource.AgencyForm, (Guid?)school),
                < 13 => (ContactSource.AgencyForm, police),
                < 15 when gps.Count > 0 => (ContactSource.AgencyForm, gps[random.Next(gps.Count)]),
                < 17 => (ContactSource.Public, null),
                _ => (ContactSource.AgencyForm, council),
            };
            var contact = new FrontDoorContact
            {
                PartnershipId = partnershipId, PersonId = child.Id, Source = source, FromOrganisationId = from,
                PublicReferrer = source == ContactSource.Public ? "A neighbour (gave no name)" : null, Concern = Concerns[random.Next(Concerns.Length)],
                ReceivedAt = received, DecisionDueAt = FrontDoorClocks.DecisionDue(received),
            };
            db.Add(contact);
            // The last few working days' contacts wait; a few older ones are overdue now.
            var waited = WorkingDays.Between(received, now);
            if (waited < 1 || (waited <= 3 && i % (scale == DemoScale.City ? 6 : 1) == 0)) continue;
            var decided = random.Next(100) < 92 ? received + Duration.FromHours(1 + random.Next(5)) : contact.DecisionDueAt + Duration.FromHours(2 + random.Next(30));
            if (decided > now) continue;
            contact.Decision = accepted
                ? random.Next(4) == 0 ? ContactDecision.StrategyDiscussion : ContactDecision.Assessment
                : (ContactDecision)random.Next(3);
            contact.DecisionReason = accepted ? "Needs a social work assessment." : "Needs are met by universal or early help services.";
            (contact.DecidedAt, contact.DecidedByUserId) = (decided, frontDoor);
            if (!accepted) continue;
            referred.Add((child.Id, on));
            contact.AssessmentDue = FrontDoorClocks.AssessmentDue(decided);
            // The seed's share, to the referral: a Bresenham draw keeps each year's share exact whatever its count.
            var before = on < lastYearStarts;
            var k = before ? referralsBefore++ : referralsSince++;
            var share = before ? DomesticAbuseShareBefore : DomesticAbuseShare;
            var domesticAbuse = Math.Floor((k + 1) * share) > Math.Floor(k * share);
            var decidedOn = decided.InZone(london).Date;
            var completedOn = random.Next(100) < 86
                ? WorkingDays.Add(decidedOn, 10 + random.Next(34))
                : WorkingDays.Add(decidedOn, 46 + random.Next(20));
            // Recent assessments are still open (some of them overdue).
            if (completedOn >= today) continue;
            contact.AssessmentCompletedOn = completedOn;
            contact.AssessmentOutcome = (AssessmentOutcome)random.Next(5);
            contact.AssessedByUserId = frontDoor;
            var other = NonDomesticAbuseFactors[random.Next(NonDomesticAbuseFactors.Length)];
            contact.Factors = domesticAbuse
                ? random.Next(2) == 0 ? [DomesticAbuseCodes[random.Next(3)], other] : [DomesticAbuseCodes[random.Next(3)]]
                : random.Next(15) == 0 ? ["21"] : [other];
            if (i % 2000 == 1999) await DemoPartnership.SaveBatchAsync(db, ct);
        }
        await DemoPartnership.SaveBatchAsync(db, ct);
    }
}
