using NodaTime;
using Safeguarding.Core.Meetings;

namespace Safeguarding.Core.Tests.Meetings;

public sealed class MeetingCadenceTests
{
    private static List<LocalDate> Dates(Cadence cadence, LocalDate first, LocalDate from, int count) =>
        MeetingCadence.DatesFrom(cadence, first, from).Take(count).ToList();

    [Fact]
    public void A_daily_series_meets_on_weekdays_and_not_on_bank_holidays()
    {
        // Christmas 2026: Friday 25th, and Monday 28th is the substitute for Boxing Day (a Saturday).
        Assert.Equal([new(2026, 12, 23), new(2026, 12, 24), new(2026, 12, 29), new(2026, 12, 30)],
            Dates(Cadence.DailyOnWeekdays, new(2026, 1, 1), new(2026, 12, 23), 4));
    }

    [Fact]
    public void A_daily_series_does_not_meet_before_its_first_date()
    {
        Assert.Equal(new LocalDate(2026, 12, 1), MeetingCadence.NextOnOrAfter(Cadence.DailyOnWeekdays, new(2026, 12, 1), new(2026, 11, 2)));
    }

    [Fact]
    public void A_fortnightly_series_counts_from_its_first_date()
    {
        Assert.Equal([new(2026, 11, 5), new(2026, 11, 19), new(2026, 12, 3)],
            Dates(Cadence.Fortnightly, new(2026, 10, 8), new(2026, 11, 1), 3));
    }

    [Fact]
    public void A_fortnightly_meeting_on_a_bank_holiday_moves_to_the_next_working_day_and_the_next_keeps_its_date()
    {
        // From Monday 20 April 2026, the fortnightly Monday on 4 May is the early May bank holiday.
        Assert.Equal([new(2026, 4, 20), new(2026, 5, 5), new(2026, 5, 18)],
            Dates(Cadence.Fortnightly, new(2026, 4, 20), new(2026, 4, 20), 3));
    }

    [Fact]
    public void A_four_weekly_series_meets_every_28_days()
    {
        Assert.Equal([new(2026, 1, 7), new(2026, 2, 4), new(2026, 3, 4)],
            Dates(Cadence.FourWeekly, new(2026, 1, 7), new(2026, 1, 1), 3));
    }

    [Fact]
    public void A_quarterly_series_keeps_month_ends_and_moves_off_weekends()
    {
        // 31 January 2026 is a Saturday (so Monday 2 February); then 30 April (clipped), 31 July, and 31 October is a
        // Saturday again, so Monday 2 November.
        Assert.Equal([new(2026, 2, 2), new(2026, 4, 30), new(2026, 7, 31), new(2026, 11, 2)],
            Dates(Cadence.Quarterly, new(2026, 1, 31), new(2026, 1, 1), 4));
    }

    [Fact]
    public void An_action_due_today_is_not_overdue_and_one_due_yesterday_is()
    {
        var today = new LocalDate(2026, 11, 10);
        var action = new MeetingAction { Description = "x", DueDate = today, Status = ActionStatus.Open };
        Assert.False(action.IsOverdueOn(today));
        Assert.True(action.IsOverdueOn(today.PlusDays(1)));
        action.Status = ActionStatus.Done;
        Assert.False(action.IsOverdueOn(today.PlusDays(1)));
    }
}
