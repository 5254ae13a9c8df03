using NodaTime;
using NodaTime.Text;
using Safeguarding.Core.Platform.Calendars;

namespace Safeguarding.Core.Tests.Platform.Calendars;

/// <summary>The Operation Encompass deadline: the start of the setting's next school day after the report.</summary>
public sealed class DeadlineTests
{
    /// <summary>A council year like the demo partnership's: half-terms, Christmas and Easter holidays, INSET days.</summary>
    internal static SchoolDays CouncilYear(LocalTime? dayStart = null, params string[] closures) => new(
        dayStart ?? new LocalTime(8, 30),
        [Term("2026-09-03", "2026-10-23"), Term("2026-11-02", "2026-12-18"), Term("2027-01-05", "2027-02-12"),
         Term("2027-02-22", "2027-03-26"), Term("2027-04-12", "2027-05-28"), Term("2027-06-07", "2027-07-21")],
        closures.Select(Date));

    private static TermDates Term(string start, string end) => new(Date(start), Date(end));

    private static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    private static Instant At(string isoWithOffset) => OffsetDateTimePattern.ExtendedIso.Parse(isoWithOffset).Value.ToInstant();

    private static string? Deadline(SchoolDays days, string reportedAt) =>
        days.NextDayStartAfter(At(reportedAt)) is { } d ? SchoolDays.FormatInLondon(d) : null;

    [Fact]
    public void Incident_on_christmas_eve_is_due_at_the_start_of_the_spring_term() =>
        Assert.Equal("2027-01-05T08:30:00+00:00", Deadline(CouncilYear(), "2026-12-24T22:15:00+00:00"));

    [Fact]
    public void Incident_on_friday_evening_is_due_before_monday_school_start() =>
        Assert.Equal("2026-09-21T08:30:00+01:00", Deadline(CouncilYear(), "2026-09-18T19:00:00+01:00"));

    [Fact]
    public void Incident_on_saturday_is_due_on_monday() =>
        Assert.Equal("2026-11-09T08:30:00+00:00", Deadline(CouncilYear(), "2026-11-07T11:00:00+00:00"));

    [Fact]
    public void Incident_during_the_day_is_due_at_the_start_of_the_next_school_day() =>
        Assert.Equal("2026-09-23T08:30:00+01:00", Deadline(CouncilYear(), "2026-09-22T10:00:00+01:00"));

    [Fact]
    public void Incident_before_the_day_starts_is_due_that_morning() =>
        Assert.Equal("2026-09-22T08:30:00+01:00", Deadline(CouncilYear(), "2026-09-22T06:10:00+01:00"));

    [Fact]
    public void Incident_in_half_term_is_due_on_the_first_day_back() =>
        Assert.Equal("2026-11-02T08:30:00+00:00", Deadline(CouncilYear(), "2026-10-28T14:00:00+00:00"));

    [Fact]
    public void Closure_day_after_half_term_moves_the_deadline_to_the_next_day() =>
        Assert.Equal("2026-11-03T08:30:00+00:00", Deadline(CouncilYear(closures: "2026-11-02"), "2026-10-28T14:00:00+00:00"));

    [Fact]
    public void First_day_of_term_that_is_a_closure_day_does_not_count() =>
        Assert.Equal("2026-09-04T08:30:00+01:00", Deadline(CouncilYear(closures: "2026-09-03"), "2026-08-20T12:00:00+01:00"));

    [Fact]
    public void Christmas_bank_holidays_and_the_boxing_day_substitute_are_skipped_inside_a_term()
    {
        // A setting open over Christmas (a residential special school, say): 25 Dec is a Friday, 26 Dec a Saturday,
        // so Monday 28 Dec 2026 is the substitute bank holiday.
        var open = new SchoolDays(new LocalTime(8, 30), [Term("2026-12-14", "2027-01-08")], []);
        Assert.True(BankHolidays.IsBankHoliday(Date("2026-12-28")));
        Assert.Equal("2026-12-29T08:30:00+00:00", Deadline(open, "2026-12-24T16:00:00+00:00"));
    }

    [Fact]
    public void Easter_bank_holidays_are_skipped_and_the_deadline_is_in_summer_time()
    {
        // Good Friday 26 March 2027, clocks forward 28 March, Easter Monday 29 March.
        var open = new SchoolDays(new LocalTime(8, 30), [Term("2027-03-15", "2027-04-09")], []);
        Assert.Equal("2027-03-30T08:30:00+01:00", Deadline(open, "2027-03-25T18:00:00+00:00"));
    }

    [Fact]
    public void Weekend_when_the_clocks_go_forward_is_due_at_half_past_eight_summer_time()
    {
        var march = new SchoolDays(new LocalTime(8, 30), [Term("2026-03-02", "2026-03-31")], []);
        var deadline = march.NextDayStartAfter(At("2026-03-27T20:00:00+00:00"));
        Assert.Equal("2026-03-30T08:30:00+01:00", SchoolDays.FormatInLondon(deadline!.Value));
        Assert.Equal(Instant.FromUtc(2026, 3, 30, 7, 30), deadline);
    }

    [Fact]
    public void Weekend_when_the_clocks_go_back_is_due_at_half_past_eight_greenwich_time()
    {
        var october = new SchoolDays(new LocalTime(8, 30), [Term("2026-10-19", "2026-10-30")], []);
        var deadline = october.NextDayStartAfter(At("2026-10-24T12:00:00+01:00"));
        Assert.Equal(Instant.FromUtc(2026, 10, 26, 8, 30), deadline);
        Assert.Equal("2026-10-26T08:30:00+00:00", SchoolDays.FormatInLondon(deadline!.Value));
    }

    [Fact]
    public void Report_exactly_at_day_start_is_due_at_the_start_of_the_next_school_day() =>
        // That day has already begun when the report is made: the next start is the next school day's.
        Assert.Equal("2026-09-22T08:30:00+01:00", Deadline(CouncilYear(), "2026-09-21T08:30:00+01:00"));

    [Fact]
    public void Report_one_second_before_day_start_is_due_that_same_morning() =>
        Assert.Equal("2026-09-21T08:30:00+01:00", Deadline(CouncilYear(), "2026-09-21T08:29:59+01:00"));

    [Theory]
    // 03:00 in New York on Monday 21 September is 09:00 in London: the day has started.
    [InlineData("2026-09-21T03:00:00-05:00", "2026-09-22T08:30:00+01:00")]
    // 09:00 in Paris is 08:00 in London: before Monday's start.
    [InlineData("2026-09-21T09:00:00+02:00", "2026-09-21T08:30:00+01:00")]
    // Sunday evening in Kiribati is Saturday morning in London.
    [InlineData("2026-09-20T20:00:00+14:00", "2026-09-21T08:30:00+01:00")]
    // UTC written with Z in the winter.
    [InlineData("2026-11-10T08:45:00Z", "2026-11-11T08:30:00+00:00")]
    public void Times_sent_with_other_offsets_are_judged_in_London_time(string reportedAt, string expected) =>
        Assert.Equal(expected, Deadline(CouncilYear(), reportedAt));

    [Fact]
    public void A_setting_can_start_its_day_at_another_time() =>
        Assert.Equal("2026-09-21T08:50:00+01:00", Deadline(CouncilYear(new LocalTime(8, 50)), "2026-09-21T08:40:00+01:00"));

    [Fact]
    public void No_deadline_is_invented_after_the_last_term_known() =>
        Assert.Null(Deadline(CouncilYear(), "2027-07-21T09:00:00+01:00"));

    [Fact]
    public void Without_terms_that_far_ahead_the_next_working_day_is_used_which_is_never_later()
    {
        var days = CouncilYear();
        var reported = At("2027-07-23T18:00:00+01:00");
        Assert.Null(days.NextDayStartAfter(reported));
        Assert.Equal("2027-07-26T08:30:00+01:00", SchoolDays.FormatInLondon(days.DeadlineAfter(reported)));
    }
}
