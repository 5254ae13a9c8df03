using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Assurance.Report;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.Report;

/// <summary>
/// A section's narrative, written on the platform, and the figures it shows, chosen from the catalogue by name: a
/// figure's value is never typed. The form only for the draft's writer (Update), on GET as on POST.
/// </summary>
public sealed class SectionModel(CurrentActor current, YearlyReports reports) : PageModel
{
    public const int MaxLength = 8000;

    [BindProperty] public string? WhatWasDone { get; set; }
    [BindProperty] public string? Developments { get; set; }
    [BindProperty] public string? DidNotProgress { get; set; }
    [BindProperty] public string? NextYearsFocus { get; set; }
    [BindProperty] public List<string> Figures { get; set; } = [];

    public ReportDraft Draft { get; private set; } = null!;
    public ReportSection Section { get; private set; } = null!;
    /// <summary>Every figure the catalogue holds, by key and title, to choose from.</summary>
    public IReadOnlyList<(string Key, string Title)> Catalogue { get; private set; } = [];

    public IActionResult OnGet(string key)
    {
        Load(key);
        (WhatWasDone, Developments, DidNotProgress, NextYearsFocus, Figures) =
            (Section.WhatWasDone, Section.Developments, Section.DidNotProgress, Section.NextYearsFocus, [.. Section.FigureKeys]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string key)
    {
        Load(key);
        foreach (var (name, text) in new[] { (nameof(WhatWasDone), WhatWasDone), (nameof(Developments), Developments), (nameof(DidNotProgress), DidNotProgress), (nameof(NextYearsFocus), NextYearsFocus) })
            if (text?.Length > MaxLength) ModelState.AddModelError(name, $"Write {MaxLength:N0} characters or fewer");
        var known = Catalogue.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (Figures.Any(f => !known.Contains(f))) ModelState.AddModelError(nameof(Figures), "Choose figures from the list");
        if (!ModelState.IsValid) return Page();
        await reports.SaveSectionAsync(new SaveSectionOptions(id, key, WhatWasDone, Developments, DidNotProgress, NextYearsFocus,
            [.. Catalogue.Select(c => c.Key).Where(Figures.Contains)]), await current.ProcessAsync("write a section of the yearly report"));
        return Redirect($"/assurance/report/{id}#{key}");
    }

    private void Load(string key)
    {
        Draft = HttpContext.Loaded<ReportDraft>();
        Section = Draft.Sections.FirstOrDefault(s => s.Key == key) ?? throw new NotFoundException(YearlyReports.ResourceType, Draft.Id.ToString());
        Catalogue = FigureCatalogue.Keys;
    }
}
