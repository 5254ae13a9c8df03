using Microsoft.AspNetCore.Http;
using NodaTime;
using Safeguarding.Core.Platform;

namespace Safeguarding.Web.Pages;

/// <summary>
/// What every work queue page shares: the page number read from the query string, GOV.UK pagination links that keep
/// the rest of the query, the true count in words, and the red "Overdue by 2 days" tag.
/// </summary>
public static class WorkQueues
{
    /// <summary>The page asked for in the query string (<c>?page=3</c>); anything unreadable is page 1.</summary>
    public static PageOptions PageFrom(HttpRequest request, string parameter = "page") =>
        new(int.TryParse(request.Query[parameter], out var number) && number > 0 ? number : 1);

    /// <summary>The pagination for a partial view: links keep the page's path and every other query value.</summary>
    public static Pagination Pagination<T>(HttpRequest request, Paged<T> page, string parameter = "page") =>
        new(page.Number, page.Pages, number =>
        {
            var query = request.Query.Where(q => !string.Equals(q.Key, parameter, StringComparison.OrdinalIgnoreCase))
                .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
                .Append(new KeyValuePair<string, string?>(parameter, number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return request.PathBase + request.Path + QueryString.Create(query);
        });

    /// <summary>"4,391 waiting": a whole count in the users' words.</summary>
    public static string Count(int count) => count.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>"2 days", "3 hours", "25 minutes": how late something is; null when it is not late.</summary>
    public static string? OverdueBy(Instant deadline, Instant now)
    {
        if (now <= deadline) return null;
        var late = now - deadline;
        static string Unit(long n, string unit) => n == 1 ? $"1 {unit}" : $"{n:N0} {unit}s";
        return late.TotalDays >= 1 ? Unit((long)late.TotalDays, "day")
            : late.TotalHours >= 1 ? Unit((long)late.TotalHours, "hour")
            : Unit(Math.Max(1, (long)late.TotalMinutes), "minute");
    }
}

/// <summary>The pages of one list, for <c>Shared/_Pagination.cshtml</c>.</summary>
public sealed record Pagination(int Number, int Pages, Func<int, string> Href)
{
    /// <summary>The page numbers to show (first, last, and those either side of the current one); null marks a gap.</summary>
    public IEnumerable<int?> Items()
    {
        int? previous = null;
        foreach (var n in Enumerable.Range(1, Pages).Where(n => n == 1 || n == Pages || Math.Abs(n - Number) <= 1))
        {
            if (previous is { } p && n > p + 1) yield return null;
            yield return n;
            previous = n;
        }
    }
}
