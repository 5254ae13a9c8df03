using NodaTime;
using Safeguarding.Core.Demo;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;

namespace Safeguarding.Core.Tests.Learners;

/// <summary>The demo's marks land near the seed's figures, so the dashboard tells a believable story.</summary>
public sealed class DemoLearnersTests
{
    private static readonly AcademicYear Year = new(2023);

    private static AbsenceTally Simulate(bool secondary, int pupils)
    {
        var random = new Random(7);
        var days = DemoLearners.SchoolDays(Year);
        var enrolments = Enumerable.Range(0, pupils).Select(i => new Enrolment
        {
            Upn = $"P{i}", Urn = "100001", Sex = "F", YearGroup = secondary ? "9" : "4", SenProvision = "N", AcademicYear = Year.StartYear,
            DateOfBirth = secondary ? new LocalDate(2009, 1, 1) : new LocalDate(2015, 1, 1), Sessions = DemoLearners.Sessions(random, days, secondary),
        }).ToList();
        return AttendanceMeasures.Compute(Year, enrolments).Overall;
    }

    [Fact]
    public void A_school_year_has_190_days_of_two_sessions()
    {
        var days = DemoLearners.SchoolDays(Year);
        Assert.Equal(190, days.Length);
        Assert.Equal(380, AttendanceRules.Count(DemoLearners.Sessions(new Random(1), days, secondary: false)).Possible);
    }

    [Fact]
    public void Primary_pupils_attend_about_94_percent_and_17_percent_are_persistently_absent()
    {
        var primary = Simulate(secondary: false, 20_000);
        Assert.InRange(primary.AttendanceRate, 93.0, 95.0);
        Assert.InRange(primary.PersistentAbsenceRate, 15.5, 18.5);
    }

    [Fact]
    public void Secondary_pupils_attend_about_90_percent_27_percent_persistently_and_5_percent_severely_absent()
    {
        var secondary = Simulate(secondary: true, 20_000);
        Assert.InRange(secondary.AttendanceRate, 89.0, 91.0);
        Assert.InRange(secondary.PersistentAbsenceRate, 25.5, 28.5);
        Assert.InRange(secondary.SevereAbsenceRate, 4.0, 5.6);
    }
}

/// <summary>The small demo has a complete year of attendance for its pupils, linked to them, with suspensions.</summary>
public sealed class DemoAttendanceTests(Safeguarding.Core.Tests.Demo.SmallDemoFixture fixture) : IClassFixture<Safeguarding.Core.Tests.Demo.SmallDemoFixture>
{
    [Theory, Safeguarding.Testing.BothDatabases]
    public async Task Demo_pupils_have_a_complete_year_of_marks_with_figures_near_the_seeds(Safeguarding.Core.Data.DatabaseProvider provider)
    {
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var partnership = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Partnerships, TestContext.Current.CancellationToken);
        var years = db.Enrolments.Select(e => e.AcademicYear).Distinct().OrderBy(y => y).ToList();
        var complete = new AcademicYear(years[0]);
        var figures = await AttendanceStore.FiguresAsync(db, Safeguarding.Testing.TestServices.KnownToSafeguarding(db), partnership.Id, complete, ct: TestContext.Current.CancellationToken);

        Assert.True(figures.Overall.Enrolments > 100, $"{figures.Overall.Enrolments} enrolments counted");
        var enrolments = db.Enrolments.Where(e => e.AcademicYear == complete.StartYear).ToList();
        Assert.NotEmpty(enrolments);
        Assert.All(enrolments, e => Assert.NotNull(e.PersonId));
        Assert.InRange(figures.Overall.AttendanceRate, 88.0, 96.0);
        Assert.InRange(figures.Overall.PersistentAbsenceRate, 10.0, 35.0);
        Assert.True(figures.Suspensions.Suspensions > 0);
    }

    [Theory, Safeguarding.Testing.BothDatabases]
    public async Task Demo_registers_give_cme_and_a_rising_ehe_trend_in_proportion_to_the_seeds(Safeguarding.Core.Data.DatabaseProvider provider)
    {
        var (database, _) = await fixture.GetAsync(provider);
        await using var db = database.NewContext();
        var ct = TestContext.Current.CancellationToken;
        var partnership = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Partnerships, ct);
        var complete = new AcademicYear(db.Enrolments.Min(e => e.AcademicYear));
        var pupils = db.Enrolments.Where(e => e.AcademicYear == complete.StartYear).Select(e => e.PersonId).Distinct().Count();

        var registers = await Safeguarding.Core.Learners.Registers.RegisterMeasures.LoadAsync(db, partnership.Id, complete, new HashSet<Guid>(), complete.End, ct);

        // Seed: 1,510 children missing education and 1,080 (October) to 1,420 (June) home educated for 136,799 pupils.
        Assert.InRange(registers.ChildrenMissingEducation.AtAnyTime, pupils * 0.006, pupils * 0.02);
        var october = registers.ElectiveHomeEducation.AtMonthEnd[1];
        var june = registers.ElectiveHomeEducation.AtMonthEnd[9];
        Assert.InRange(october, pupils * 0.005, pupils * 0.012);
        Assert.True(june > october, $"home educated: {october} in October, {june} in June");
        Assert.InRange(registers.ChildrenMissingEducationPer1000!.Value, 7.0, 25.0);
    }
}
