using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Safeguarding.Core.Platform.Calendars;

namespace Safeguarding.Core.Tests.Platform.Calendars;

/// <summary>
/// The deadline checked against its definition over many random report times: it is a school day's start, it is
/// after the report, and no school day starts in between. School days are judged here from the definition
/// (weekday, inside a term, not a bank holiday, not a closure), not by the code under test.
/// </summary>
public sealed class DeadlinePropertyTests
{
    private static readonly LocalDate[] Closures = [new(2026, 9, 3), new(2026, 11, 2), new(2027, 1, 5), new(2027, 6, 7), new(2027, 3, 26)];

    // Between the summer holiday before the year and the last week of it, at any second.
    private static readonly Instant From = Instant.FromUtc(2026, 7, 25, 0, 0);
    private static readonly Instant To = Instant.FromUtc(2027, 7, 19, 0, 0);

    private static Gen<Instant> ReportTimes =>
        Gen.Choose(0, (int)((To - From).TotalSeconds)).Select(s => From + Duration.FromSeconds(s));

    private static Gen<LocalTime> DayStarts =>
        Gen.Elements(new LocalTime(8, 30), new LocalTime(8, 0), new LocalTime(8, 45), new LocalTime(9, 0), new LocalTime(7, 50));

    private static bool IsSchoolDayByDefinition(SchoolDays days, LocalDate date) =>
        date.DayOfWeek is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Friday
        && days.Terms.Any(t => t.Start <= date && date <= t.End)
        && !BankHolidays.InYear(date.Year).Contains(date)
        && !Closures.Contains(date);

    [Property(MaxTest = 3000)]
    public Property Deadline_is_the_first_school_day_start_after_the_report() =>
        Prop.ForAll(ReportTimes.ToArbitrary(), DayStarts.ToArbitrary(), (reported, dayStart) =>
        {
            var days = DeadlineTests.CouncilYear(dayStart, [.. Closures.Select(d => d.ToString("uuuu-MM-dd", null))]);
            var deadline = days.NextDayStartAfter(reported);
            if (deadline is not { } d) return false;

            var local = d.InZone(SchoolDays.London);
            var isSchoolDayStart = IsSchoolDayByDefinition(days, local.Date) && local.TimeOfDay == dayStart;
            var isAfterReport = d > reported;
            var noneBetween = true;
            for (var date = reported.InZone(SchoolDays.London).Date; date < local.Date; date = date.PlusDays(1))
            {
                var start = SchoolDays.London.AtStrictly(date + dayStart).ToInstant();
                if (IsSchoolDayByDefinition(days, date) && start > reported && start < d) noneBetween = false;
            }
            return isSchoolDayStart && isAfterReport && noneBetween;
        });
}
