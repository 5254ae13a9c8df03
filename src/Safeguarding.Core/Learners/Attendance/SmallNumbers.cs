namespace Safeguarding.Core.Learners.Attendance;

/// <summary>
/// Small-number suppression, so that no child can be picked out of the figures: a group of fewer than
/// <see cref="Threshold"/> enrolments (or pupils, or children on a register) shows neither its count nor its rates, and
/// when one group in a breakdown is hidden, enough of the next smallest are hidden with it that the hidden ones cannot
/// be worked out by taking the others from the total. Zero is shown: it names no one. docs/learners.md gives the sources.
/// </summary>
public static class SmallNumbers
{
    public const int Threshold = 5;

    /// <summary>What a hidden figure shows, on the page and in the CSV.</summary>
    public const string Hidden = "x";

    /// <summary>A count of 1 to 4: hidden.</summary>
    public static bool IsSmall(long count) => count is > 0 and < Threshold;

    /// <summary>
    /// The groups of one breakdown to hide: every small one and then, while any is hidden, the smallest others until at
    /// least two are hidden and together they hold <see cref="Threshold"/> or more (so a difference from the total
    /// gives no small number either).
    /// </summary>
    public static HashSet<string> HiddenGroups(IEnumerable<KeyValuePair<string, long>> groups)
    {
        var sized = groups.Where(g => g.Value > 0).OrderBy(g => g.Value).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        long hiddenTotal = 0;
        foreach (var (group, size) in sized)
        {
            var needed = IsSmall(size) || (hidden.Count > 0 && (hidden.Count < 2 || hiddenTotal < Threshold));
            if (!needed) break;
            hidden.Add(group);
            hiddenTotal += size;
        }
        return hidden;
    }
}
