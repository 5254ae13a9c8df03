using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.SafetyPlanFigures;

/// <summary>
/// Victims given safety plans, per year from April to March as the partnership's yearly report counts them (Leeds
/// 2023-24: 4,672), with the quarters of the year: for the analyst and the business manager. Counts only.
/// </summary>
public sealed class IndexModel(CurrentActor actor, Core.DomesticAbuse.Dramm.SafetyPlans plans, IClock clock) : PageModel
{
    public const int YearsShown = 5;

    /// <summary>The year's first calendar year: 2023 is April 2023 to March 2024.</summary>
    public int Year { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public SafetyPlanCount Whole { get; private set; } = null!;
    public IReadOnlyList<SafetyPlanCount> Quarters { get; private set; } = [];

    public async Task OnGetAsync(int? year)
    {
        var today = Households.LondonDate(clock.GetCurrentInstant());
        var thisYear = today.Month >= 4 ? today.Year : today.Year - 1;
        Years = [.. Enumerable.Range(0, YearsShown).Select(i => thisYear - i)];
        Year = year is { } y && Years.Contains(y) ? y : thisYear;
        var process = await actor.ProcessAsync("safety plan figures");
        var start = new LocalDate(Year, 4, 1);
        Whole = await plans.CountAsync(new SafetyPlanCountOptions(start, start.PlusYears(1)), process);
        var quarters = new List<SafetyPlanCount>();
        for (var q = 0; q < 4; q++)
            quarters.Add(await plans.CountAsync(new SafetyPlanCountOptions(start.PlusMonths(3 * q), start.PlusMonths(3 * q + 3)), process));
        Quarters = quarters;
    }

    public static string YearName(int year) => $"April {year} to March {year + 1}";
}
