using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Assurance.Report;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.Report;

/// <summary>Starts a report for a period: its sections are the partnership's priorities and the sections beside them.</summary>
public sealed class NewModel(CurrentActor current, YearlyReports reports) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public DateParts From { get; set; } = new();
    [BindProperty] public DateParts To { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Title)) ModelState.AddModelError(nameof(Title), "Enter the report's title");
        else if (Title.Trim().Length > 200) ModelState.AddModelError(nameof(Title), "Title must be 200 characters or fewer");
        var from = From.ToDate();
        var to = To.ToDate();
        if (from is null) ModelState.AddModelError(nameof(From), From.IsEmpty ? "Enter the day the period starts" : "Enter a real date, like 1 4 2023");
        if (to is null) ModelState.AddModelError(nameof(To), To.IsEmpty ? "Enter the day the period ends" : "Enter a real date, like 31 3 2024");
        else if (from is not null && to < from) ModelState.AddModelError(nameof(To), "The period must end on or after the day it starts");
        if (!ModelState.IsValid) return Page();
        var id = await reports.CreateAsync(new CreateReportOptions(Title!, from!.Value, to!.Value), await current.ProcessAsync("start a yearly report"));
        return Redirect($"/assurance/report/{id}");
    }
}
