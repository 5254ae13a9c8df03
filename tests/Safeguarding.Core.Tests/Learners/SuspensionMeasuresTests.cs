using NodaTime;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;

namespace Safeguarding.Core.Tests.Learners;

/// <summary>Suspension, exclusion and SEN measures: rates per 100 pupils on roll at the January census.</summary>
public sealed class SuspensionMeasuresTests
{
    private static readonly AcademicYear Year = new(2024);

    private static Enrolment OnRoll(string urn, string upn, string sen = "N", string? need = null, string yearGroup = "8") => new()
    {
        Upn = upn, Urn = urn, DateOfBirth = new LocalDate(2012, 1, 1), Sex = "M", YearGroup = yearGroup, SenProvision = sen,
        SenPrimaryNeed = need, AcademicYear = 2024, Sessions = Enumerable.Repeat(SessionCodes.ToByte("/"), Year.MaxSessions).ToArray(),
    };

    private static Suspension Suspended(string urn, string upn, int sessions, bool permanent = false) => new()
    {
        Upn = upn, Urn = urn, AcademicYear = 2024, StartDate = new LocalDate(2024, 11, 4), Sessions = sessions, Permanent = permanent,
        Reason = "Persistent disruptive behaviour",
    };

    [Fact]
    public void Suspension_rates_are_per_100_pupils_on_roll_at_the_january_census()
    {
        var pupils = Enumerable.Range(0, 40).Select(i => OnRoll("100001", $"P{i}")).ToList();
        var joinedAfterCensus = OnRoll("100001", "LATE");
        joinedAfterCensus.Sessions = [.. Enumerable.Repeat(SessionCodes.ToByte("Z"), Year.SessionIndex(new LocalDate(2025, 2, 3), false)), .. Enumerable.Repeat(SessionCodes.ToByte("/"), 100)];
        pupils.Add(joinedAfterCensus);
        // Three suspensions for one pupil, one for another, and a permanent exclusion of a third.
        var suspensions = new[]
        {
            Suspended("100001", "P1", 2), Suspended("100001", "P1", 4), Suspended("100001", "P1", 6),
            Suspended("100001", "P2", 1), Suspended("100001", "P3", 10, permanent: true),
        };
        var figures = AttendanceMeasures.Compute(Year, pupils, suspensions);
        var s = figures.SuspensionsBySchool["100001"];
        Assert.Equal(40, s.Headcount);
        Assert.Equal(4, s.Suspensions);
        Assert.Equal(10.0, s.SuspensionRate);
        Assert.Equal(5.0, s.OneOrMoreSuspensionRate);
        Assert.Equal(2.5, s.PermanentExclusionRate);
        Assert.Equal(23, s.SessionsLost);
        Assert.Equal(10.0, figures.Suspensions.SuspensionRate);
    }

    [Fact]
    public void A_january_census_headcount_given_by_the_school_takes_precedence()
    {
        var figures = AttendanceMeasures.Compute(Year, [OnRoll("100001", "P1")], [Suspended("100001", "P1", 2)],
            januaryHeadcounts: new Dictionary<string, int> { ["100001"] = 200 });
        Assert.Equal(0.5, figures.Suspensions.SuspensionRate);
    }

    [Fact]
    public void Sen_percentages_are_over_all_pupils_at_the_census_with_primary_needs_by_phase()
    {
        var pupils = new List<Enrolment> { OnRoll("1", "A", "E", "ASD", "3"), OnRoll("1", "B", "K", "SLCN", "3"), OnRoll("1", "C", "K", "SEMH", "9"), OnRoll("1", "D") };
        var sen = AttendanceMeasures.Compute(Year, pupils).Sen;
        Assert.Equal(4, sen.Pupils);
        Assert.Equal(25.0, sen.EhcPlanPercent);
        Assert.Equal(50.0, sen.SenSupportPercent);
        Assert.Equal(1, sen.PrimaryNeedsByPhase["primary"]["ASD"]);
        Assert.Equal(1, sen.PrimaryNeedsByPhase["secondary"]["SEMH"]);
    }
}
