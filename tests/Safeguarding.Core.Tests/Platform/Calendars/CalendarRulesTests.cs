using NodaTime;
using Safeguarding.Core.Platform.Calendars;

namespace Safeguarding.Core.Tests.Platform.Calendars;

public sealed class CalendarRulesTests
{
    private static TermDates Term(string start, string end) =>
        new(NodaTime.Text.LocalDatePattern.Iso.Parse(start).Value, NodaTime.Text.LocalDatePattern.Iso.Parse(end).Value);

    private static LocalDate Day(string date) => NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value;

    [Fact]
    public void Terms_that_follow_each_other_with_closures_inside_them_are_accepted()
    {
        Assert.Empty(CalendarRules.Check([Term("2026-11-02", "2026-12-18"), Term("2026-09-03", "2026-10-23")], [Day("2026-09-03"), Day("2026-12-18")], []));
    }

    [Fact]
    public void Terms_sharing_even_one_day_overlap()
    {
        var problems = CalendarRules.Check([Term("2026-09-03", "2026-10-23"), Term("2026-10-23", "2026-12-18")], [], []);
        Assert.Equal([("terms", "The term from 2026-10-23 to 2026-12-18 overlaps the term from 2026-09-03 to 2026-10-23")], problems);
    }

    [Fact]
    public void A_term_ending_before_it_starts_is_named()
    {
        Assert.Equal([("terms", "The term starting 2026-10-23 ends (2026-09-03) before it starts")], CalendarRules.Check([Term("2026-10-23", "2026-09-03")], [], []));
    }

    [Fact]
    public void A_closure_is_checked_against_the_settings_own_terms_or_when_it_has_none_the_councils()
    {
        TermDates[] council = [Term("2026-09-03", "2026-10-23")];
        Assert.Empty(CalendarRules.Check([], [Day("2026-10-01")], council));
        Assert.Equal([("closures", "The closure on 2026-10-26 is not in any term")], CalendarRules.Check([], [Day("2026-10-26")], council));
        Assert.Equal([("closures", "The closure on 2026-10-01 is not in any term")], CalendarRules.Check([Term("2026-11-02", "2026-12-18")], [Day("2026-10-01")], council));
    }

    [Fact]
    public void The_file_written_reads_back_as_the_same_school_days()
    {
        var days = new SchoolDays(new LocalTime(8, 45), [Term("2026-09-03", "2026-10-23"), Term("2026-11-02", "2026-12-18")], [Day("2026-11-02")]);

        var read = CalendarFile.Parse(CalendarRules.ToFile(days), "calendar.json");

        Assert.Equal(days.DayStart, read.DayStart);
        Assert.Equal(days.Terms, read.Terms);
        Assert.Equal(days.Closures.Order(), read.Closures.Order());
    }
}
