using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Assurance.Report;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.Report;

/// <summary>
/// A section's narrative, written on the platform, the figures it shows, chosen from the catalogue by name (a figure's
/// value is never typed), and for the voice the quotes it shows, chosen from words children agreed to share. For the
/// business manager, or the chair of the section's sub-group (<see cref="WriterFilter"/>, then the service for this
/// section), on GET as on POST.
/// </summary>
public sealed class SectionModel(CurrentActor current, YearlyReports reports) : PageModel
{
    public const int MaxLength = 8000;

    [BindProperty] public string? WhatWasDone { get; set; }
    [BindProperty] public string? Developments { get; set; }
    [BindProperty] public string? DidNotProgress { get; set; }
    [BindProperty] public string? NextYearsFocus { get; set; }
    [BindProperty] public List<string> Figures { get; set; } = [];
    [BindProperty] public List<Guid> Quotes { get; set; } = [];

    public WriterDraft Draft { get; private set; } = null!;
    public ReportSection Section { get; private set; } = null!;
    public IReadOnlyList<QuoteChoice> QuoteChoices { get; private set; } = [];
    /// <summary>Every figure the catalogue holds, by key and title, to choose from.</summary>
    public IReadOnlyList<(string Key, string Title)> Catalogue { get; private set; } = [];
    /// <summary>Where the writer goes back to: the draft for the business manager, their own sections for a chair.</summary>
    public string BackTo { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string key)
    {
        await LoadAsync(key);
        (WhatWasDone, Developments, DidNotProgress, NextYearsFocus, Figures, Quotes) =
            (Section.WhatWasDone, Section.Developments, Section.DidNotProgress, Section.NextYearsFocus, [.. Section.FigureKeys], [.. Section.QuoteIds ?? []]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string key)
    {
        await LoadAsync(key);
        foreach (var (name, text) in new[] { (nameof(WhatWasDone), WhatWasDone), (nameof(Developments), Developments), (nameof(DidNotProgress), DidNotProgress), (nameof(NextYearsFocus), NextYearsFocus) })
            if (text?.Length > MaxLength) ModelState.AddModelError(name, $"Write {MaxLength:N0} characters or fewer");
        var known = Catalogue.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (Figures.Any(f => !known.Contains(f))) ModelState.AddModelError(nameof(Figures), "Choose figures from the list");
        if (Quotes.Except(QuoteChoices.Select(q => q.Id)).Any()) ModelState.AddModelError(nameof(Quotes), "Choose quotes from the list");
        if (!ModelState.IsValid) return Page();
        await reports.SaveSectionAsync(new SaveSectionOptions(id, key, WhatWasDone, Developments, DidNotProgress, NextYearsFocus,
            [.. Catalogue.Select(c => c.Key).Where(Figures.Contains)], Section.Kind == SectionKind.ChildrensVoice ? [.. QuoteChoices.Select(q => q.Id).Where(Quotes.Contains)] : null),
            await current.ProcessAsync("write a section of the yearly report"));
        return Redirect(BackTo == "/assurance/report/sections" ? BackTo : $"{BackTo}#{key}");
    }

    private async Task LoadAsync(string key)
    {
        Draft = HttpContext.Loaded<WriterDraft>();
        var open = await reports.OpenSectionAsync(new OpenSectionOptions(Draft.Id, key), await current.ProcessAsync("yearly report section"));
        (Section, QuoteChoices) = (open.Section, open.QuoteChoices);
        Catalogue = FigureCatalogue.Keys;
        var actor = await current.RequireAsync();
        BackTo = actor.Grants.Any(g => g is { Resource: Resource.YearlyReport, Operation: Operation.Update, Scope: Scope.WholePartnership })
            ? $"/assurance/report/{Draft.Id}" : "/assurance/report/sections";
    }
}
