using System.Globalization;
using Safeguarding.Core.Learners.Attendance;

namespace Safeguarding.Web.Pages;

/// <summary>
/// Small-number suppression for figures shown outside the learners dashboard (Operation Encompass timeliness, MARAC
/// volume), by the one rule of <see cref="SmallNumbers"/>: a count of 1 to 4 shows as "x", and so does a rate or median
/// over it, since the rate beside the count's base gives the count back.
/// </summary>
public static class SmallCounts
{
    /// <summary>What the pages say about it, next to the figures.</summary>
    public const string Explanation = "x: a count from 1 to 4 (and any percentage or median over it) is not shown, so that no child or family can be identified. Zero is shown: it names no one.";

    public static bool IsSmall(int? count) => count is { } c && SmallNumbers.IsSmall(c);

    /// <summary>A count for a page ("1,234") or, with <paramref name="format"/> "0", for a CSV.</summary>
    public static string Count(int? count, string format = "N0") =>
        count is null ? "–" : IsSmall(count) ? SmallNumbers.Hidden : count.Value.ToString(format, CultureInfo.InvariantCulture);
}
