using Safeguarding.Core.Learners.Attendance;

namespace Safeguarding.Core.Tests.Learners;

/// <summary>Small-number suppression: groups of 1 to 4 are hidden, with enough others that none can be worked out from the total.</summary>
public sealed class SmallNumbersTests
{
    private static HashSet<string> Hidden(params (string Group, long Size)[] groups) =>
        SmallNumbers.HiddenGroups(groups.Select(g => KeyValuePair.Create(g.Group, g.Size)));

    [Fact]
    public void Counts_of_one_to_four_are_small_and_zero_and_five_are_not()
    {
        Assert.Equal([false, true, true, false, false], new long[] { 0, 1, 4, 5, 6 }.Select(SmallNumbers.IsSmall));
    }

    [Fact]
    public void Groups_of_five_or_more_are_all_shown()
    {
        Assert.Empty(Hidden(("F", 5), ("M", 6)));
    }

    [Fact]
    public void A_small_group_is_hidden_with_the_next_smallest_so_it_is_not_the_total_less_the_others()
    {
        Assert.Equal(["3", "5"], Hidden(("3", 6), ("4", 6), ("5", 2)).Order());
    }

    [Fact]
    public void Two_small_groups_that_together_are_still_small_take_a_third_with_them()
    {
        Assert.Equal(["a", "b", "c"], Hidden(("a", 1), ("b", 1), ("c", 10), ("d", 12)).Order());
    }

    [Fact]
    public void An_empty_group_is_shown_and_hides_nothing()
    {
        Assert.Empty(Hidden(("known to safeguarding", 0), ("all others", 7)));
        Assert.Equal(["x"], Hidden(("x", 3)));
    }
}
