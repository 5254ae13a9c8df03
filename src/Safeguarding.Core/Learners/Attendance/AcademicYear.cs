using NodaTime;

namespace Safeguarding.Core.Learners.Attendance;

/// <summary>
/// A school year, 1 September to 31 August, named by the year it starts in (2024 is 2024/25). Its sessions are
/// numbered by weekday: Monday 1 September or the first weekday after it is day 0, AM is 2 x day and PM 2 x day + 1.
/// Weekends have no number: schools in England do not meet at weekends for registration purposes.
/// </summary>
public sealed class AcademicYear
{
    public AcademicYear(int startYear, LocalDate? summerSecondHalfStarts = null)
    {
        if (startYear is < 1990 or > 2200) throw new ArgumentOutOfRangeException(nameof(startYear));
        StartYear = startYear;
        Start = new LocalDate(startYear, 9, 1);
        End = new LocalDate(startYear + 1, 8, 31);
        _firstWeekday = Start;
        while (IsWeekend(_firstWeekday)) _firstWeekday = _firstWeekday.PlusDays(1);
        Days = DayIndex(End, roundUp: false) + 1;
        SummerSecondHalfStarts = summerSecondHalfStarts ?? DefaultSummerSecondHalf(startYear + 1);
        if (SummerSecondHalfStarts < Start || SummerSecondHalfStarts > End)
            throw new ArgumentOutOfRangeException(nameof(summerSecondHalfStarts), "The second half of the summer term starts within the year.");
    }

    private readonly LocalDate _firstWeekday;

    public int StartYear { get; }
    public LocalDate Start { get; }
    public LocalDate End { get; }
    /// <summary>Weekdays in the year: the most a session vector can hold is twice this.</summary>
    public int Days { get; }
    public int MaxSessions => Days * 2;

    /// <summary>
    /// The first day of the sixth half term. The DfE leaves it out for pupils aged 15 (see <see cref="AttendanceRules"/>).
    /// Schools set their own terms; the default is the Monday a week after the late May bank holiday (the usual half term).
    /// </summary>
    public LocalDate SummerSecondHalfStarts { get; }

    /// <summary>The date on which compulsory school age is reckoned for this year: 31 August before it.</summary>
    public LocalDate AgeDate => new(StartYear, 8, 31);

    /// <summary>The spring census day (third Thursday of January) on which headcounts and SEN are taken.</summary>
    public LocalDate JanuaryCensusDay
    {
        get
        {
            var d = new LocalDate(StartYear + 1, 1, 1);
            while (d.DayOfWeek != IsoDayOfWeek.Thursday) d = d.PlusDays(1);
            return d.PlusWeeks(2);
        }
    }

    public string Name => $"{StartYear}/{(StartYear + 1) % 100:00}";

    public static AcademicYear Containing(LocalDate date) => new(date.Month >= 9 ? date.Year : date.Year - 1);

    public bool Contains(LocalDate date) => date >= Start && date <= End;

    public static bool IsWeekend(LocalDate date) => date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;

    /// <summary>The session number, or -1 for a date outside the year or at a weekend.</summary>
    public int SessionIndex(LocalDate date, bool afternoon)
    {
        if (!Contains(date) || IsWeekend(date)) return -1;
        return DayIndex(date, roundUp: false) * 2 + (afternoon ? 1 : 0);
    }

    /// <summary>The first session on or after the date (weekends round forward).</summary>
    public int FirstSessionOnOrAfter(LocalDate date) =>
        date <= Start ? 0 : date > End ? MaxSessions : DayIndex(date, roundUp: true) * 2;

    public LocalDate DateOf(int sessionIndex)
    {
        var day = sessionIndex / 2;
        var weeks = day / 5;
        var d = _firstWeekday.PlusWeeks(weeks);
        for (var i = 0; i < day % 5; i++)
        {
            d = d.PlusDays(1);
            while (IsWeekend(d)) d = d.PlusDays(1);
        }
        return d;
    }

    private int DayIndex(LocalDate date, bool roundUp)
    {
        while (IsWeekend(date)) date = roundUp ? date.PlusDays(1) : date.PlusDays(-1);
        var days = Period.Between(_firstWeekday, date, PeriodUnits.Days).Days;
        if (days < 0) return 0;
        // Whole weeks hold five weekdays; the remainder is within one week and never crosses a weekend from Monday-based start.
        var weeks = days / 7;
        var rest = days % 7;
        var weekdayIndex = weeks * 5;
        var d = _firstWeekday.PlusWeeks(weeks);
        for (var i = 0; i < rest; i++)
        {
            d = d.PlusDays(1);
            if (!IsWeekend(d)) weekdayIndex++;
        }
        return weekdayIndex;
    }

    private static LocalDate DefaultSummerSecondHalf(int year)
    {
        var lastMondayOfMay = new LocalDate(year, 5, 31);
        while (lastMondayOfMay.DayOfWeek != IsoDayOfWeek.Monday) lastMondayOfMay = lastMondayOfMay.PlusDays(-1);
        return lastMondayOfMay.PlusWeeks(1);
    }
}
