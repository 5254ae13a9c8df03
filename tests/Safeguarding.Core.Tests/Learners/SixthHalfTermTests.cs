using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Learners;

/// <summary>
/// The summer-term rule for 15-year-olds uses each school's own sixth half term when its calendar has one. In 2024/25
/// session 0 is Monday 2 September 2024, so Monday 2 June 2025 (the default, a week after the late May bank holiday)
/// is session 390, 9 June is 400 and 16 June is 410.
/// </summary>
public sealed class SixthHalfTermTests
{
    private static readonly AcademicYear Year = new(2024);
    private static readonly LocalDate FifteenAtStart = new(2009, 1, 1), FourteenAtStart = new(2010, 1, 1);

    /// <summary>36 unauthorised sessions, present to session 389, then unauthorised to 18 July 2025 (session 459).</summary>
    private static byte[] Marks() =>
    [
        .. Enumerable.Repeat(SessionCodes.ToByte("N"), 36), .. Enumerable.Repeat(SessionCodes.ToByte("/"), 390 - 36),
        .. Enumerable.Repeat(SessionCodes.ToByte("N"), 460 - 390),
    ];

    private static Enrolment Pupil(string urn, LocalDate dateOfBirth, string upn) => new()
    {
        Upn = upn, Urn = urn, DateOfBirth = dateOfBirth, Sex = "F", YearGroup = "11", SenProvision = "N", Sessions = Marks(), AcademicYear = Year.StartYear,
    };

    private static SchoolDays Terms(params (LocalDate Start, LocalDate End)[] terms) =>
        new(SchoolDays.DefaultDayStart, terms.Select(t => new TermDates(t.Start, t.End)), []);

    [Fact]
    public void The_sessions_are_numbered_as_the_hand_computation_says()
    {
        Assert.Equal(390, Year.FirstSessionOnOrAfter(Year.SummerSecondHalfStarts));
        Assert.Equal(new LocalDate(2025, 6, 2), Year.SummerSecondHalfStarts);
        Assert.Equal(400, Year.FirstSessionOnOrAfter(new LocalDate(2025, 6, 9)));
        Assert.Equal(410, Year.FirstSessionOnOrAfter(new LocalDate(2025, 6, 16)));
    }

    [Fact]
    public void Two_schools_with_different_sixth_half_terms_count_the_same_marks_differently()
    {
        // The same 15-year-old's marks at three schools: one on the default, one from 9 June, one from 16 June; and a 14-year-old.
        var pupils = new List<Enrolment>
        {
            Pupil("100001", FifteenAtStart, "A"), Pupil("100002", FifteenAtStart, "B"), Pupil("100003", FifteenAtStart, "C"),
            Pupil("100002", FourteenAtStart, "D"),
        };
        var starts = new Dictionary<string, int> { ["100002"] = 400, ["100003"] = 410 };

        var figures = AttendanceMeasures.Compute(Year, pupils, sixthHalfTermStarts: starts);

        var onDefault = figures.Schools["100001"];
        Assert.Equal(390, onDefault.PossibleSessions);
        Assert.Equal(36, onDefault.UnauthorisedAbsenceSessions);
        Assert.Equal(0, onDefault.PersistentAbsentees); // 10 x 36 = 360 < 390
        var fromNinthJune = figures.By[Breakdown.School]["100002"];
        // The 15-year-old: 400 possible, 46 absent (460 >= 400: persistent); the 14-year-old counts every session: 460, 106 absent.
        Assert.Equal(400 + 460, fromNinthJune.PossibleSessions);
        Assert.Equal(46 + 106, fromNinthJune.UnauthorisedAbsenceSessions);
        Assert.Equal(2, fromNinthJune.PersistentAbsentees);
        var fromSixteenthJune = figures.Schools["100003"];
        Assert.Equal(410, fromSixteenthJune.PossibleSessions);
        Assert.Equal(56, fromSixteenthJune.UnauthorisedAbsenceSessions);
        Assert.Equal(1, fromSixteenthJune.PersistentAbsentees);
        // Without calendars every school has the default, as the command line does.
        Assert.Equal(390, AttendanceMeasures.Compute(Year, pupils).Schools["100003"].PossibleSessions);
    }

    [Fact]
    public void A_calendar_gives_the_sixth_half_term_only_when_it_splits_the_summer_term()
    {
        var halves = Terms((new(2024, 9, 3), new(2024, 10, 25)), (new(2025, 4, 22), new(2025, 5, 23)), (new(2025, 6, 9), new(2025, 7, 22)));
        var wholeSummer = Terms((new(2024, 9, 3), new(2024, 12, 20)), (new(2025, 1, 6), new(2025, 4, 4)), (new(2025, 4, 22), new(2025, 7, 22)));

        Assert.Equal(new LocalDate(2025, 6, 9), SixthHalfTerms.StartIn(Year, halves));
        Assert.Null(SixthHalfTerms.StartIn(Year, wholeSummer));
        Assert.Null(SixthHalfTerms.StartIn(Year, Terms()));
        // Next year's terms in the same calendar do not count for this year.
        Assert.Equal(new LocalDate(2025, 6, 9), SixthHalfTerms.StartIn(Year,
            Terms((new(2025, 4, 22), new(2025, 5, 23)), (new(2025, 6, 9), new(2025, 7, 22)), (new(2025, 9, 3), new(2025, 10, 24)))));
    }

    [Theory, BothDatabases]
    public async Task Each_school_takes_its_own_calendar_or_the_council_default_and_the_figures_follow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var ct = TestContext.Current.CancellationToken;
        var partnership = await data.CreatePartnershipAsync();
        var ownCalendar = await data.CreateOrganisationAsync(partnership.Id);
        var inheritsDefault = await data.CreateOrganisationAsync(partnership.Id);
        var wholeSummer = await data.CreateOrganisationAsync(partnership.Id);
        SchoolCalendar Calendar(Guid? organisationId, params (LocalDate Start, LocalDate End)[] terms) => new()
        {
            PartnershipId = partnership.Id, OrganisationId = organisationId, UpdatedAt = SystemClock.Instance.GetCurrentInstant(),
            Terms = [.. terms.Select(t => new SchoolTerm { Start = t.Start, End = t.End })],
        };
        await data.SaveAsync(db => db.AddRange(
            Calendar(null, (new(2025, 4, 22), new(2025, 5, 23)), (new(2025, 6, 16), new(2025, 7, 22))),
            Calendar(ownCalendar.Id, (new(2025, 4, 22), new(2025, 5, 23)), (new(2025, 6, 9), new(2025, 7, 22))),
            Calendar(wholeSummer.Id, (new(2025, 4, 22), new(2025, 7, 22)))));

        await using var db = database.NewContext();
        var starts = await SixthHalfTerms.LoadAsync(db, partnership.Id, Year, ct);

        Assert.Equal(400, starts[ownCalendar.Urn!]);
        Assert.Equal(410, starts[inheritsDefault.Urn!]);
        Assert.False(starts.ContainsKey(wholeSummer.Urn!)); // its own terms replace the default's, and do not split the summer
        var figures = AttendanceMeasures.Compute(Year,
            [Pupil(ownCalendar.Urn!, FifteenAtStart, "A"), Pupil(inheritsDefault.Urn!, FifteenAtStart, "B"), Pupil(wholeSummer.Urn!, FifteenAtStart, "C")],
            sixthHalfTermStarts: starts);
        Assert.Equal(400, figures.Schools[ownCalendar.Urn!].PossibleSessions);
        Assert.Equal(410, figures.Schools[inheritsDefault.Urn!].PossibleSessions);
        Assert.Equal(390, figures.Schools[wholeSummer.Urn!].PossibleSessions);
    }
}
