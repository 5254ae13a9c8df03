using Safeguarding.Core.Data;
using NodaTime;
using NodaTime.Testing;
using Safeguarding.Core.Assurance.Training;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Assurance;

/// <summary>
/// Training figures against a hand-computed world on both databases. The period is April 2025 to March 2026:
/// <list type="bullet">
/// <item>a session on 10 April 2025 (20 places): the trust took 12 and 10 came, the police 5 and all 5 came;</item>
/// <item>a session on 31 March 2026 (30 places): the trust took 8 and 6 came;</item>
/// <item>a session on 1 April 2026 (40 places, outside): the police took 40;</item>
/// <item>a session on 15 May 2024 (25 places, the year before): the trust took 9 and 9 came.</item>
/// </list>
/// So: 2 sessions, 50 offered, 25 taken (trust 20, police 5), 21 attended; evaluations 2 then 4 and 3 then 5 average 2.5
/// then 4.5; the campaign starting 25 November 2025 reached 38,000 over 16 days; the year before, 25 offered, 9 taken.
/// </summary>
public sealed class TrainingFiguresTests
{
    private static ProcessContext As(TestUser user) => new("test", user.Actor);

    [Theory, BothDatabases]
    public async Task Places_attendance_evaluations_and_reach_are_counted_for_the_period_and_the_year_before(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();
        var council = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var trust = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust, "Aire Valley Hospitals");
        var police = await data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce, "Aire Valley Police");
        var manager = await data.CreateUserAsync(council, Role.PartnershipBusinessManager);
        var lead = await data.CreateUserAsync(trust, Role.AgencySafeguardingLead);
        await using var db = database.NewContext(new FakeClock(Instant.FromUtc(2026, 6, 1, 9, 0)));
        var records = new TrainingRecords(db);
        var course = await records.AddCourseAsync(new AddCourseOptions("Domestic abuse and children", "All practitioners", false), As(manager), ct);
        async Task<Guid> Session(LocalDate date, int offered, params (Organisation Org, int Taken, int Attended)[] places)
        {
            var id = await records.AddSessionAsync(new AddSessionOptions(course, date, offered), As(manager), ct);
            foreach (var (org, taken, attended) in places) await records.RecordPlacesAsync(new RecordPlacesOptions(id, org.Id, taken, attended), As(manager), ct);
            return id;
        }
        var first = await Session(new LocalDate(2025, 4, 10), 20, (trust, 12, 10), (police, 5, 5));
        var last = await Session(new LocalDate(2026, 3, 31), 30, (trust, 8, 6));
        var outside = await Session(new LocalDate(2026, 4, 1), 40, (police, 40, 40));
        await Session(new LocalDate(2024, 5, 15), 25, (trust, 9, 9));
        await records.RecordEvaluationAsync(new RecordEvaluationOptions(first, 2, 4, "Useful"), As(manager), ct);
        await records.RecordEvaluationAsync(new RecordEvaluationOptions(last, 3, 5, null), As(manager), ct);
        await records.RecordEvaluationAsync(new RecordEvaluationOptions(outside, 1, 1, null), As(manager), ct);
        await records.AddCampaignAsync(new AddCampaignOptions("16 Days of Action", new LocalDate(2025, 11, 25), new LocalDate(2025, 12, 10), 16, 38_000), As(manager), ct);
        // More places than the session offered, and more attending than took a place, are refused.
        await Assert.ThrowsAsync<ArgumentException>(() => records.RecordPlacesAsync(new RecordPlacesOptions(last, police.Id, 23, 0), As(manager), ct));
        await Assert.ThrowsAsync<ArgumentException>(() => records.RecordPlacesAsync(new RecordPlacesOptions(last, police.Id, 2, 3), As(manager), ct));

        var figures = new TrainingFigures(db);
        await Assert.ThrowsAsync<ForbiddenException>(() => figures.ForPeriodAsync(new TrainingPeriodOptions(new LocalDate(2025, 4, 1), new LocalDate(2026, 3, 31)), As(lead), ct));
        var report = await figures.ForPeriodAsync(new TrainingPeriodOptions(new LocalDate(2025, 4, 1), new LocalDate(2026, 3, 31)), As(manager), ct);

        var p = report.Period;
        Assert.Equal((1, 2, 50, 25, 21), (p.Courses, p.Sessions, p.PlacesOffered, p.PlacesTaken, p.Attended));
        Assert.Equal([new AgencyPlaces("Aire Valley Hospitals", 20, 16), new AgencyPlaces("Aire Valley Police", 5, 5)], p.ByAgency);
        Assert.Equal(84.0, p.AttendanceRate);
        Assert.Equal((2, 2.5, 4.5), (p.Evaluations, p.ConfidenceBefore, p.ConfidenceAfter));
        Assert.Equal((38_000, 16), (p.Reach, p.DaysOfAction));
        var before = report.YearBefore;
        Assert.Equal((new LocalDate(2024, 4, 1), new LocalDate(2025, 3, 31)), (before.From, before.To));
        Assert.Equal((1, 25, 9, 9, 0, 0), (before.Sessions, before.PlacesOffered, before.PlacesTaken, before.Attended, before.Evaluations, before.Reach));
        Assert.Null(before.ConfidenceBefore);
    }
}
