using NodaTime;
using Safeguarding.Core.DomesticAbuse.Dramm;

namespace Safeguarding.Core.Tests.DomesticAbuse;

public sealed class DrammWindowTests
{
    private static readonly LocalTime NineAm = new(9, 0);

    [Fact]
    public void A_midweek_list_covers_the_last_24_hours()
    {
        var w = DrammList.WindowFor(new(2026, 11, 11), NineAm);
        Assert.Equal(Duration.FromHours(24), w.Length);
        Assert.Equal(Instant.FromUtc(2026, 11, 10, 9, 0), w.From);
    }

    [Fact]
    public void A_monday_list_covers_72_hours_back_to_fridays_list()
    {
        var w = DrammList.WindowFor(new(2026, 11, 9), NineAm);
        Assert.Equal(Duration.FromHours(72), w.Length);
        Assert.Equal(Instant.FromUtc(2026, 11, 6, 9, 0), w.From);
    }

    [Fact]
    public void After_the_easter_weekend_the_list_goes_back_to_the_thursday_before_good_friday()
    {
        // Good Friday 3 April 2026 and Easter Monday 6 April: Tuesday's list starts at Thursday's list time.
        var w = DrammList.WindowFor(new(2026, 4, 7), NineAm);
        Assert.Equal(Instant.FromUtc(2026, 4, 2, 8, 0), w.From); // 09:00 British Summer Time
        Assert.Equal(Duration.FromHours(120), w.Length);
    }

    [Fact]
    public void The_list_time_is_london_time_across_the_clock_change()
    {
        // Clocks went forward on Sunday 29 March 2026: Friday 09:00 GMT to Monday 09:00 BST is 71 hours.
        var w = DrammList.WindowFor(new(2026, 3, 30), NineAm);
        Assert.Equal(Duration.FromHours(71), w.Length);
    }

    [Fact]
    public void There_is_no_list_at_a_weekend_or_on_a_bank_holiday()
    {
        Assert.Throws<ArgumentException>(() => DrammList.WindowFor(new(2026, 11, 7), NineAm));
        Assert.Throws<ArgumentException>(() => DrammList.WindowFor(new(2026, 12, 25), NineAm));
    }

    [Fact]
    public void No_further_action_needs_a_reason_and_stands_alone()
    {
        var incident = Guid.NewGuid();
        Assert.Contains(DrammList.Problems(new TriageOptions(incident, null, null, false, false, false, false, false, true, null)), p => p.Contains("why"));
        Assert.Contains(DrammList.Problems(new TriageOptions(incident, null, null, false, true, false, false, false, true, "x")), p => p.Contains("cannot be chosen"));
        Assert.Contains(DrammList.Problems(new TriageOptions(incident, null, null, false, false, false, false, false, false, null)), p => p.Contains("at least one"));
        Assert.Empty(DrammList.Problems(new TriageOptions(incident, null, null, false, false, false, false, false, true, "Victim moved out of area; local police informed.")));
    }
}
