using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.FrontDoor;

/// <summary>
/// The Front Door's figures over a period (by default the last complete year from 1 April to 31 March) beside the same
/// days a year before, for the partnership's figures readers. Counts of 1 to 4 are not shown.
/// </summary>
public sealed class FiguresModel(CurrentActor current, FrontDoorFigures figures, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public FrontDoorFigureSet? Set { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var today = FrontDoorClocks.Today(clock.GetCurrentInstant());
        var lastMarch = new LocalDate(today.Month >= 4 ? today.Year : today.Year - 1, 3, 31);
        var from = Parse(nameof(From), From) ?? lastMarch.PlusYears(-1).PlusDays(1);
        var to = Parse(nameof(To), To) ?? lastMarch;
        if (ModelState.IsValid && to < from) ModelState.AddModelError(nameof(To), "The period must end on or after the day it starts");
        (From, To) = (From ?? from.ToString("yyyy-MM-dd", null), To ?? to.ToString("yyyy-MM-dd", null));
        if (!ModelState.IsValid) return Page();
        Set = await figures.ForAsync(new FrontDoorFiguresOptions(from, to), await current.ProcessAsync("Front Door figures"));
        return Page();
    }

    private LocalDate? Parse(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var result = LocalDatePattern.Iso.Parse(text.Trim());
        if (result.Success) return result.Value;
        ModelState.AddModelError(field, "Enter a date like 2024-04-01");
        return null;
    }

    public static string Share(double? share, int whole) =>
        share is null ? "–" : SmallCounts.IsSmall(whole) ? Core.Learners.Attendance.SmallNumbers.Hidden : $"{share:0.0}%";
}
