using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Assurance.Report;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Assurance;

/// <summary>
/// The yearly report's figures against small worlds computed by hand, on both databases: the period is 1 April 2025 to
/// 31 March 2026 (London days), the comparison the year before; the learners' figures are the academic year the period
/// ends in (2025/26) against the one before; only the partnership's figures readers may read them.
/// </summary>
public sealed class FigureCatalogueTests
{
    private static readonly FigureOptions Year = new(new LocalDate(2025, 4, 1), new LocalDate(2026, 3, 31));

    private static ProcessContext As(TestUser user) => new("test", user.Actor);

    private static Instant London(int year, int month, int day, int hour = 12, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(SchoolDays.London).ToInstant();

    private static ReportFigure Figure(FigureSet set, string key) => set.Find(key) ?? throw new InvalidOperationException($"No figure {key}");

    private static void IsFigure(FigureSet set, string key, double? value, double? comparison)
    {
        var f = Figure(set, key);
        Assert.True((value, comparison) == (f.Value, f.Comparison), $"{key}: expected {value} against {comparison}, got {f.Value} against {f.Comparison}");
    }

    [Theory, BothDatabases]
    public async Task Domestic_abuse_Encompass_MARAC_and_register_figures_count_what_their_definitions_say(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var police = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.School);
        var manager = await data.CreateUserAsync(council, Role.PartnershipBusinessManager);
        var keyAdult = await data.CreateUserAsync(school, Role.SchoolKeyAdult);

        // In the period: R1 (corrected: its first version had no child, its newest has one), R2 (no child), R3 (two
        // children, at 23:30 on its last day in London). R4 is reported at 00:30 on 1 April 2026 in London, still
        // 31 March in UTC: outside. The year before: four incidents, one with a child.
        var r1 = await data.CreateIncidentAsync(police, London(2025, 5, 1), children: 0, reference: "R1");
        await data.SaveAsync(db => db.DomesticIncidents.Where(i => i.Id == r1.Id).ExecuteUpdate(s => s.SetProperty(i => i.IsLatest, false)));
        var r1b = await data.CreateIncidentAsync(police, London(2025, 5, 1), children: 1, reference: "R1", version: 2);
        await data.CreateIncidentAsync(police, London(2025, 6, 1), children: 0, reference: "R2");
        var r3 = await data.CreateIncidentAsync(police, London(2026, 3, 31, 23, 30), children: 2, reference: "R3");
        await data.CreateIncidentAsync(police, London(2026, 4, 1, 0, 30), children: 1, reference: "R4");
        await data.CreateIncidentAsync(police, London(2024, 7, 1), children: 1, reference: "R5");
        foreach (var (reference, month) in new[] { ("R6", 8), ("R7", 9), ("R8", 10) })
            await data.CreateIncidentAsync(police, London(2024, month, 1), children: 0, reference: reference);

        // Operation Encompass: two notifications for incidents in the period, one acknowledged before its deadline.
        var acknowledged = await data.CreateReadyNotificationAsync(r1b, r1b.Children[0], school, London(2025, 5, 2, 8, 30));
        await data.CreateReadyNotificationAsync(r3, r3.Children[0], school, London(2026, 4, 1, 8, 30));
        await data.SaveAsync(db => db.EncompassNotifications.Where(n => n.Id == acknowledged.Id)
            .ExecuteUpdate(s => s.SetProperty(n => n.DeliveredAt, London(2025, 5, 1, 13, 0)).SetProperty(n => n.AcknowledgedAt, London(2025, 5, 2, 8, 0))));

        var (v1, v2, v3) = (await data.CreatePersonAsync(partnership.Id), await data.CreatePersonAsync(partnership.Id), await data.CreatePersonAsync(partnership.Id));
        var children = new[] { await data.CreatePersonAsync(partnership.Id), await data.CreatePersonAsync(partnership.Id), await data.CreatePersonAsync(partnership.Id) };
        await data.SaveAsync(db =>
        {
            // Safety plans: V1 twice and V2 once in the period (two victims), V3 the day after; V1 once the year before.
            SafetyPlan Plan(Person victim, LocalDate on) => new()
            {
                PartnershipId = partnership.Id, VictimPersonId = victim.Id, AgreedByOrganisationId = council.Id, AgreedOn = on, AgreedAt = London(on.Year, on.Month, on.Day), ReviewDate = on.PlusMonths(1),
            };
            db.SafetyPlans.AddRange(Plan(v1, new(2025, 4, 1)), Plan(v1, new(2025, 9, 1)), Plan(v2, new(2026, 3, 31)), Plan(v3, new(2026, 4, 1)), Plan(v1, new(2024, 6, 1)));
            // MARAC: three cases in the period, one a repeat; one the year before. 10,000 women: SafeLives expects 40 a year.
            MaracReferral Referral(Person victim, LocalDate on, bool repeat) => new()
            {
                PartnershipId = partnership.Id, VictimPersonId = victim.Id, ReferredByOrganisationId = police.Id, ReferredAt = London(on.Year, on.Month, on.Day), ReferralDate = on,
                RepeatMarac = repeat, Status = MaracReferralStatus.Waiting,
            };
            db.MaracReferrals.AddRange(Referral(v1, new(2025, 4, 10), false), Referral(v1, new(2025, 10, 10), true), Referral(v2, new(2026, 3, 31), false),
                Referral(v3, new(2026, 4, 1), false), Referral(v3, new(2024, 4, 1), false));
            db.DomesticAbuseSettings.Add(new DomesticAbuseSettings { PartnershipId = partnership.Id, WomenAged16Plus = 10_000 });
            // The support register: A joins in the period and stays; B joined the year before and leaves on the period's last day; C joins the day after.
            SupportRegisterEntry Entry(Person child, LocalDate given, LocalDate? withdrawn) => new()
            {
                PartnershipId = partnership.Id, PersonId = child.Id, Need = SupportNeed.Autism, LeadPractitionerUserId = manager.User.Id, AgenciesInvolved = "CAMHS", Placement = "Home",
                KeyRisks = "Risks", ProtectiveFactors = "Factors", SuggestedByOrganisationId = school.Id, SuggestedAt = London(2024, 1, 1),
                Status = withdrawn is null ? SupportRegisterStatus.OnRegister : SupportRegisterStatus.ConsentWithdrawn,
                ConsentGivenBy = ConsentGiver.ParentalResponsibility, ConsentGiverName = "Jo Example", ConsentGivenOn = given, ConsentWithdrawnOn = withdrawn,
            };
            db.AddRange(Entry(children[0], new(2025, 5, 1), null), Entry(children[1], new(2024, 5, 1), new(2026, 3, 31)), Entry(children[2], new(2026, 4, 1), null));
        });

        var set = await new FigureCatalogue(database.NewContext()).BuildAsync(Year, As(manager), ct);

        void Is(string key, double? value, double? comparison) => IsFigure(set, key, value, comparison);
        Is("domestic-incidents", 3, 4);
        Is("domestic-incidents-with-children", 2, 1);
        Is("domestic-incidents-with-children-percent", 66.7, 25.0);
        Is("domestic-incidents-change", -25.0, null);
        Is("domestic-incidents-with-children-change", 100.0, null);
        Is("domestic-incidents-per-day", Math.Round(3 / 365.0, 1), Math.Round(4 / 365.0, 1));
        Is("victims-with-safety-plans", 2, 1);
        Is("encompass-notifications", 2, 0);
        Is("encompass-children", 3, 1);
        Is("encompass-acknowledged-on-time", 50.0, null);
        Is("marac-cases", 3, 1);
        Is("marac-repeats", 1, 0);
        Is("marac-repeat-percent", 33.3, 0.0);
        Is("marac-expected", 40.0, 40.0);
        Is("marac-volume-percent", 7.5, 2.5);
        Is("support-register", 1, 1);
        Is("support-register-new", 1, 1);
        var incidents = Figure(set, "domestic-incidents");
        Assert.Equal((new LocalDate(2024, 4, 1), new LocalDate(2025, 3, 31)), (incidents.ComparisonFrom, incidents.ComparisonTo));
        Assert.Equal(["DomesticAbuse"], incidents.Sources);
        Assert.All(set.Figures, f => Assert.False(string.IsNullOrWhiteSpace(f.Definition)));
        Assert.Equal(FigureCatalogue.Definitions.Select(d => d.Key).Order(StringComparer.Ordinal), set.Figures.Select(f => f.Key).Order(StringComparer.Ordinal));

        // A school's Key Adult reads no partnership figures.
        await Assert.ThrowsAsync<ForbiddenException>(() => new FigureCatalogue(database.NewContext()).BuildAsync(Year, As(keyAdult), ct));
    }

    /// <summary>A session vector: <paramref name="present"/> sessions present then <paramref name="absent"/> authorised absences (illness).</summary>
    private static byte[] Marks(int present, int absent) =>
        [.. Enumerable.Repeat(SessionCodes.ToByte("/"), present), .. Enumerable.Repeat(SessionCodes.ToByte("I"), absent)];

    [Theory, BothDatabases]
    public async Task Learners_figures_are_the_DfE_measures_of_the_academic_year_the_period_ends_in_against_the_year_before(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var manager = await data.CreateUserAsync(council, Role.PartnershipBusinessManager);
        Enrolment Pupil(int year, string upn, string yearGroup, LocalDate born, byte[] marks, string sen = "N", string? need = null) => new()
        {
            PartnershipId = partnership.Id, AcademicYear = year, Upn = upn, Urn = "100001", DateOfBirth = born, Sex = "F", YearGroup = yearGroup,
            SenProvision = sen, SenPrimaryNeed = need, Sessions = marks,
        };
        await data.SaveAsync(db =>
        {
            // 2025/26: a primary pupil at 90% (persistently absent), a secondary pupil at 100%; both autistic with SEN support.
            db.Enrolments.AddRange(
                Pupil(2025, "A100000000001", "5", new(2015, 6, 1), Marks(9, 1), "K", "ASD"),
                Pupil(2025, "A100000000002", "9", new(2011, 6, 1), Marks(10, 0), "K", "ASD"),
                // 2024/25: one primary pupil at 80%, autistic with SEN support.
                Pupil(2024, "A100000000003", "4", new(2015, 6, 1), Marks(8, 2), "K", "ASD"));
            // Two suspensions of the primary pupil in 2025/26, three sessions lost in all.
            Suspension Suspended(LocalDate on, int sessions) => new()
            {
                PartnershipId = partnership.Id, AcademicYear = 2025, Upn = "A100000000001", Urn = "100001", StartDate = on, Sessions = sessions, Reason = "PP", RecordedAt = London(2025, 10, 1),
            };
            db.Suspensions.AddRange(Suspended(new(2025, 9, 10), 1), Suspended(new(2025, 11, 10), 2));
        });

        var set = await new FigureCatalogue(database.NewContext()).BuildAsync(Year, As(manager), ct);

        void Is(string key, double? value, double? comparison) => IsFigure(set, key, value, comparison);
        Is("attendance", 95.0, 80.0);
        Is("attendance-primary", 90.0, 80.0);
        Is("attendance-secondary", 100.0, null);
        Is("persistent-absence", 50.0, 100.0);
        Is("persistently-absent", 1, 1);
        Is("suspensions", 2, 0);
        Is("pupils-suspended", 1, 0);
        Is("sessions-lost-to-suspension", 3, 0);
        Is("autism-primary-need", 2, 1);
        var attendance = Figure(set, "attendance");
        Assert.Equal((new LocalDate(2025, 9, 1), new LocalDate(2026, 8, 31), new LocalDate(2024, 9, 1)), (attendance.From, attendance.To, attendance.ComparisonFrom));
        Assert.Contains("2025/26", attendance.Definition);
        Assert.Equal([new FigurePoint("2024/25", 1), new FigurePoint("2025/26", 2)], Figure(set, "autism-primary-need").Series!);
    }

    [Fact]
    public void A_published_edition_writes_a_count_of_1_to_4_as_x_and_the_working_draft_writes_it()
    {
        Assert.Equal("x", ReportFigure.Write(1, FigureUnit.Count, published: true));
        Assert.Equal("x", ReportFigure.Write(4, FigureUnit.Count, published: true));
        Assert.Equal("4", ReportFigure.Write(4, FigureUnit.Count, published: false));
        Assert.Equal("0", ReportFigure.Write(0, FigureUnit.Count, published: true));
        Assert.Equal("5", ReportFigure.Write(5, FigureUnit.Count, published: true));
        Assert.Equal("21,900", ReportFigure.Write(21_900, FigureUnit.Count, published: true));
        // Rates and shares are not counts: a percentage of 3.0 names no one by itself.
        Assert.Equal("3.0%", ReportFigure.Write(3, FigureUnit.Percentage, published: true));
        Assert.Equal("not available", ReportFigure.Write(null, FigureUnit.Count, published: true));
        Assert.Null(ReportFigure.Publishable(2, FigureUnit.Count));
        Assert.Equal(2.0, ReportFigure.Publishable(2, FigureUnit.Percentage));
    }
}
