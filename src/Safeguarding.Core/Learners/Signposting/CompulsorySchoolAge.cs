using NodaTime;

namespace Safeguarding.Core.Learners.Signposting;

/// <summary>
/// Whether a child is of compulsory school age on a given day (Education Act 1996 s.8). It starts on the first of the
/// prescribed days (31 August, 31 December, 31 March: the Education (Start of Compulsory School Age) Order 1998) on or
/// after the fifth birthday, so the term after it; it ends on the last Friday of June of the school year (1 September to
/// 31 August) in which the child turns 16 (the Education (School Leaving Date) Order 1997). For one day, unlike
/// <see cref="Attendance.AttendanceRules.IsCompulsorySchoolAge"/>, which counts a whole academic year by the age on 31 August before it.
/// </summary>
public static class CompulsorySchoolAge
{
    public static bool On(LocalDate dateOfBirth, LocalDate day) => day >= Starts(dateOfBirth) && day <= Ends(dateOfBirth);

    /// <summary>The first prescribed day (31 March, 31 August or 31 December) on or after the fifth birthday.</summary>
    public static LocalDate Starts(LocalDate dateOfBirth)
    {
        var fifth = dateOfBirth.PlusYears(5);
        LocalDate[] prescribed = [new(fifth.Year, 3, 31), new(fifth.Year, 8, 31), new(fifth.Year, 12, 31)];
        return prescribed.First(d => d >= fifth);
    }

    /// <summary>The last Friday of June of the school year in which the child turns 16.</summary>
    public static LocalDate Ends(LocalDate dateOfBirth)
    {
        var sixteenth = dateOfBirth.PlusYears(16);
        // The school year runs 1 September to 31 August: a birthday from September on falls in the year ending next summer.
        var summer = sixteenth.Month >= 9 ? sixteenth.Year + 1 : sixteenth.Year;
        var last = new LocalDate(summer, 6, 30);
        while (last.DayOfWeek != IsoDayOfWeek.Friday) last = last.PlusDays(-1);
        return last;
    }
}
