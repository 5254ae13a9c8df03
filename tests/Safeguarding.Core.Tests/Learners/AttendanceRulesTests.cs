using NodaTime;
using Safeguarding.Core.Learners;
using Safeguarding.Core.Learners.Attendance;

namespace Safeguarding.Core.Tests.Learners;

/// <summary>The DfE absence methodology, rule by rule.</summary>
public sealed class AttendanceRulesTests
{
    private static readonly AcademicYear Year = new(2024);

    /// <summary>A session vector holding <paramref name="count"/> sessions of each code, in order, from the first session.</summary>
    private static byte[] Sessions(params (string Code, int Count)[] runs) =>
        runs.SelectMany(r => Enumerable.Repeat(SessionCodes.ToByte(r.Code), r.Count)).ToArray();

    private static Enrolment Pupil(string urn, LocalDate dateOfBirth, byte[] sessions, string upn = "B801200005001", string yearGroup = "5") => new()
    {
        Upn = upn, Urn = urn, DateOfBirth = dateOfBirth, Sex = "F", YearGroup = yearGroup, SenProvision = "N", Sessions = sessions,
        AcademicYear = Year.StartYear,
    };

    [Theory]
    [InlineData("/", SessionClass.Present)]
    [InlineData("\\", SessionClass.Present)]
    [InlineData("L", SessionClass.Present)]
    [InlineData("K", SessionClass.ApprovedActivity)]
    [InlineData("V", SessionClass.ApprovedActivity)]
    [InlineData("P", SessionClass.ApprovedActivity)]
    [InlineData("W", SessionClass.ApprovedActivity)]
    [InlineData("B", SessionClass.ApprovedActivity)]
    [InlineData("C", SessionClass.AuthorisedAbsence)]
    [InlineData("C1", SessionClass.AuthorisedAbsence)]
    [InlineData("C2", SessionClass.AuthorisedAbsence)]
    [InlineData("E", SessionClass.AuthorisedAbsence)]
    [InlineData("I", SessionClass.AuthorisedAbsence)]
    [InlineData("M", SessionClass.AuthorisedAbsence)]
    [InlineData("J1", SessionClass.AuthorisedAbsence)]
    [InlineData("R", SessionClass.AuthorisedAbsence)]
    [InlineData("S", SessionClass.AuthorisedAbsence)]
    [InlineData("T", SessionClass.AuthorisedAbsence)]
    [InlineData("H", SessionClass.AuthorisedAbsence)]
    [InlineData("G", SessionClass.UnauthorisedAbsence)]
    [InlineData("N", SessionClass.UnauthorisedAbsence)]
    [InlineData("O", SessionClass.UnauthorisedAbsence)]
    [InlineData("U", SessionClass.UnauthorisedAbsence)]
    [InlineData("D", SessionClass.NotPossible)]
    [InlineData("X", SessionClass.NotPossible)]
    [InlineData("Q", SessionClass.NotPossible)]
    [InlineData("Y1", SessionClass.NotPossible)]
    [InlineData("Y2", SessionClass.NotPossible)]
    [InlineData("Y3", SessionClass.NotPossible)]
    [InlineData("Y4", SessionClass.NotPossible)]
    [InlineData("Y5", SessionClass.NotPossible)]
    [InlineData("Y6", SessionClass.NotPossible)]
    [InlineData("Y7", SessionClass.NotPossible)]
    [InlineData("Z", SessionClass.NotPossible)]
    [InlineData("#", SessionClass.NotPossible)]
    public void Every_register_code_has_its_class(string code, SessionClass expected)
    {
        Assert.Equal(expected, SessionCodes.ClassOf(code));
        Assert.Equal(code, SessionCodes.ToCode(SessionCodes.ToByte(code)));
        // The vectorised count must agree with the class, wherever in the vector the code falls.
        var sessions = Sessions(("/", 40), (code, 1), ("/", 3));
        var counts = AttendanceRules.Count(sessions);
        Assert.Equal(expected is SessionClass.Present or SessionClass.ApprovedActivity ? 44 : 43, counts.Present);
        Assert.Equal(expected == SessionClass.AuthorisedAbsence ? 1 : 0, counts.Authorised);
        Assert.Equal(expected == SessionClass.UnauthorisedAbsence ? 1 : 0, counts.Unauthorised);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("Y8")]
    [InlineData("c")]
    [InlineData("")]
    public void Anything_else_is_not_a_code(string code) => Assert.False(SessionCodes.IsCode(code));

    [Fact]
    public void The_code_set_is_the_2024_set_and_legacy_H()
    {
        Assert.Equal(35, SessionCodes.All.Count);
        Assert.Contains("H", SessionCodes.All);
    }

    [Fact]
    public void Exactly_ten_percent_absence_is_persistent_and_one_session_less_is_not()
    {
        var tenPercent = AttendanceRules.Count(Sessions(("/", 171), ("N", 10), ("I", 9)));
        Assert.Equal(190, tenPercent.Possible);
        Assert.Equal(19, tenPercent.Absent);
        Assert.True(tenPercent.IsPersistentAbsentee);

        var justUnder = AttendanceRules.Count(Sessions(("/", 172), ("N", 10), ("I", 8)));
        Assert.False(justUnder.IsPersistentAbsentee); // 18/190 = 9.47%
    }

    [Fact]
    public void Persistent_absence_compares_the_exact_ratio_with_no_rounding()
    {
        // 37/371 is 9.973%: it would round to 10.0% at one decimal place, but is not persistent absence.
        var counts = AttendanceRules.Count(Sessions(("/", 334), ("N", 37)));
        Assert.Equal(371, counts.Possible);
        Assert.False(counts.IsPersistentAbsentee);
    }

    [Fact]
    public void Exactly_half_absent_is_severe_and_one_session_less_is_not()
    {
        var half = AttendanceRules.Count(Sessions(("/", 50), ("C", 50)));
        Assert.True(half.IsSevereAbsentee);
        Assert.True(half.IsPersistentAbsentee);
        var under = AttendanceRules.Count(Sessions(("/", 51), ("C", 49)));
        Assert.False(under.IsSevereAbsentee);
    }

    [Fact]
    public void Approved_educational_activity_counts_as_present_and_not_possible_codes_are_not_counted()
    {
        var counts = AttendanceRules.Count(Sessions(("/", 10), ("V", 5), ("B", 5), ("Y1", 30), ("#", 4), ("X", 6)));
        Assert.Equal(20, counts.Present);
        Assert.Equal(20, counts.Possible);
        Assert.Equal(0, counts.Absent);
    }

    [Theory]
    [InlineData(2019, 8, 31, true)]   // 5 on 31 August 2024: in scope
    [InlineData(2019, 9, 1, false)]   // 4 on 31 August 2024 (5 the next day): not of compulsory school age this year
    [InlineData(2008, 9, 1, true)]    // 15 on 31 August 2024
    [InlineData(2008, 8, 31, false)]  // 16 on 31 August 2024
    public void Compulsory_school_age_is_5_to_15_on_31_August_before_the_year(int year, int month, int day, bool inScope)
    {
        var dob = new LocalDate(year, month, day);
        Assert.Equal(inScope, AttendanceRules.IsCompulsorySchoolAge(Year, dob));
        var measured = AttendanceRules.Measure(Year, dob, Sessions(("/", 10)));
        Assert.Equal(inScope, measured is not null);
    }

    [Fact]
    public void An_enrolment_with_no_possible_session_is_dropped()
    {
        var dualRegisteredElsewhere = Pupil("100001", new LocalDate(2015, 1, 1), Sessions(("D", 300)));
        var attends = Pupil("100002", new LocalDate(2015, 1, 1), Sessions(("/", 300)));
        var figures = AttendanceMeasures.Compute(Year, [dualRegisteredElsewhere, attends]);
        Assert.Equal(1, figures.Overall.Enrolments);
        Assert.False(figures.Schools.ContainsKey("100001"));
    }

    [Fact]
    public void A_pupil_who_moved_school_counts_as_an_enrolment_at_each()
    {
        var dob = new LocalDate(2012, 3, 3);
        // Autumn at the first school (absent a quarter of the time), the rest of the year at the second (never absent).
        var first = Pupil("100001", dob, Sessions(("/", 60), ("N", 20), ("Z", 300)));
        var second = Pupil("100002", dob, Sessions(("Z", 80), ("/", 300)));
        var figures = AttendanceMeasures.Compute(Year, [first, second]);
        Assert.Equal(2, figures.Overall.Enrolments);
        Assert.Equal(1, figures.Overall.PersistentAbsentees);
        Assert.Equal(50, figures.Overall.PersistentAbsenceRate);
        Assert.Equal(1, figures.Schools["100001"].PersistentAbsentees);
        Assert.Equal(0, figures.Schools["100002"].PersistentAbsentees);
        Assert.Equal(100.0 * 20 / 380, figures.Overall.OverallAbsenceRate);
    }

    [Fact]
    public void A_dual_registered_pupil_counts_at_both_schools_with_each_schools_own_possible_sessions()
    {
        var dob = new LocalDate(2010, 5, 5);
        // Mondays and Tuesdays at the alternative provision (D at the main school), the rest at the main school.
        var main = new List<byte>();
        var provision = new List<byte>();
        for (var day = 0; day < 190; day++)
        {
            var atProvision = day % 5 < 2;
            main.AddRange(Enumerable.Repeat(SessionCodes.ToByte(atProvision ? "D" : "/"), 2));
            provision.AddRange(Enumerable.Repeat(SessionCodes.ToByte(atProvision ? (day % 10 == 0 ? "O" : "/") : "D"), 2));
        }
        var figures = AttendanceMeasures.Compute(Year, [Pupil("100001", dob, [.. main]), Pupil("100002", dob, [.. provision])]);
        Assert.Equal(2, figures.Overall.Enrolments);
        Assert.Equal(228, figures.Schools["100001"].PossibleSessions);
        Assert.Equal(152, figures.Schools["100002"].PossibleSessions);
        Assert.Equal(38, figures.Schools["100002"].UnauthorisedAbsenceSessions);
        Assert.Equal(1, figures.Schools["100002"].PersistentAbsentees);
    }

    [Fact]
    public void The_sixth_half_term_is_left_out_for_pupils_aged_15_only()
    {
        var cutoff = Year.FirstSessionOnOrAfter(Year.SummerSecondHalfStarts);
        Assert.Equal(new LocalDate(2025, 6, 2), Year.SummerSecondHalfStarts); // late May bank holiday 26 May 2025, half term that week
        // Present all year until the sixth half term, then absent (study leave, left after exams) every session.
        var sessions = Sessions(("/", cutoff), ("N", Year.MaxSessions - cutoff));
        var fifteen = AttendanceRules.Measure(Year, new LocalDate(2009, 1, 1), sessions)!.Value;
        var fourteen = AttendanceRules.Measure(Year, new LocalDate(2010, 1, 1), sessions)!.Value;
        Assert.Equal(cutoff, fifteen.Possible);
        Assert.Equal(0, fifteen.Absent);
        Assert.Equal(Year.MaxSessions, fourteen.Possible);
        Assert.Equal(Year.MaxSessions - cutoff, fourteen.Absent);
    }

    [Fact]
    public void A_15_year_old_who_joined_in_the_sixth_half_term_is_dropped()
    {
        var cutoff = Year.FirstSessionOnOrAfter(Year.SummerSecondHalfStarts);
        var lateJoiner = Sessions(("Z", cutoff), ("/", 40));
        Assert.Null(AttendanceRules.Measure(Year, new LocalDate(2009, 1, 1), lateJoiner));
        Assert.NotNull(AttendanceRules.Measure(Year, new LocalDate(2010, 1, 1), lateJoiner));
    }

    [Fact]
    public void Sessions_are_numbered_by_weekday_from_the_start_of_september()
    {
        // 1 September 2024 was a Sunday: Monday 2 September is session 0.
        Assert.Equal(0, Year.SessionIndex(new LocalDate(2024, 9, 2), afternoon: false));
        Assert.Equal(1, Year.SessionIndex(new LocalDate(2024, 9, 2), afternoon: true));
        Assert.Equal(10, Year.SessionIndex(new LocalDate(2024, 9, 9), afternoon: false));
        Assert.Equal(-1, Year.SessionIndex(new LocalDate(2024, 9, 7), afternoon: false));
        Assert.Equal(-1, Year.SessionIndex(new LocalDate(2025, 9, 1), afternoon: false));
        for (var i = 0; i < Year.MaxSessions; i += 7)
            Assert.Equal(i - i % 2, Year.SessionIndex(Year.DateOf(i), afternoon: false));
        Assert.Equal(new LocalDate(2025, 8, 29), Year.DateOf(Year.MaxSessions - 1));
    }

    [Fact]
    public void Rates_are_sums_over_sums_and_persistent_absence_is_over_enrolments()
    {
        var dob = new LocalDate(2014, 2, 2);
        var a = Pupil("100001", dob, Sessions(("/", 90), ("I", 6), ("G", 4)), upn: "A");
        var b = Pupil("100001", dob, Sessions(("/", 290), ("C", 5), ("O", 5)), upn: "B");
        var figures = AttendanceMeasures.Compute(Year, [a, b]);
        var school = figures.Schools["100001"];
        Assert.Equal(400, school.PossibleSessions);
        Assert.Equal(380, school.PresentSessions);
        Assert.Equal(11, school.AuthorisedAbsenceSessions);
        Assert.Equal(9, school.UnauthorisedAbsenceSessions);
        Assert.Equal(5.0, school.OverallAbsenceRate);
        Assert.Equal(2.75, school.AuthorisedAbsenceRate);
        Assert.Equal(2.25, school.UnauthorisedAbsenceRate);
        Assert.Equal(50.0, school.PersistentAbsenceRate); // a: 10/100 = exactly 10%; b: 10/300
        Assert.Equal(0.0, school.SevereAbsenceRate);
    }

    [Fact]
    public void Breakdowns_split_by_safeguarding_status_phase_and_sen()
    {
        var known = Guid.NewGuid();
        var dob = new LocalDate(2012, 2, 2);
        var a = Pupil("100001", dob, Sessions(("/", 80), ("N", 20)), upn: "A", yearGroup: "7");
        a.PersonId = known;
        a.SenProvision = "E";
        a.SenPrimaryNeed = "ASD";
        var b = Pupil("100001", dob, Sessions(("/", 100)), upn: "B", yearGroup: "3");
        b.Fsm = true;
        var figures = AttendanceMeasures.Compute(Year, [a, b], knownToSafeguarding: new HashSet<Guid> { known });
        Assert.Equal(100, figures.By[Breakdown.SafeguardingStatus][Breakdown.Known].PersistentAbsenceRate);
        Assert.Equal(0, figures.By[Breakdown.SafeguardingStatus][Breakdown.NotKnown].PersistentAbsenceRate);
        Assert.Equal(1, figures.By[Breakdown.Phase]["secondary"].Enrolments);
        Assert.Equal(1, figures.By[Breakdown.Phase]["primary"].Enrolments);
        Assert.Equal(20, figures.By[Breakdown.SenPrimaryNeed]["ASD"].OverallAbsenceRate);
        Assert.Equal(1, figures.By[Breakdown.Fsm]["eligible"].Enrolments);
        Assert.Equal(1, figures.By[Breakdown.SenProvision]["E"].PersistentAbsentees);
    }
}
