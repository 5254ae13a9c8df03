using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Assurance.Report;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.Report;

/// <summary>
/// The working draft, for the business manager (loaded by <see cref="DraftFilter"/>): each section's narrative and the
/// figures it has chosen, shown as they stand today and not suppressed; making an edition freezes them for sign-off.
/// </summary>
public sealed class DraftModel(CurrentActor current, YearlyReports reports, FigureCatalogue catalogue) : PageModel
{
    public ReportDraft Draft { get; private set; } = null!;
    public FigureSet Figures { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Draft = HttpContext.Loaded<ReportDraft>();
        Figures = await catalogue.BuildAsync(new FigureOptions(Draft.From, Draft.To), await current.ProcessAsync("yearly report draft figures"));
    }

    public async Task<IActionResult> OnPostEditionAsync(Guid id)
    {
        Draft = HttpContext.Loaded<ReportDraft>();
        var edition = await reports.MakeEditionAsync(Draft.Id, await current.ProcessAsync("make an edition of the yearly report"));
        return Redirect($"/assurance/report/editions/{edition}");
    }

    /// <summary>A section's chosen figures as they stand today, counts not suppressed.</summary>
    public string FiguresOf(ReportSection section)
    {
        var html = new StringBuilder();
        var figures = section.FigureKeys.Select(Figures.Find).OfType<ReportFigure>().ToList();
        if (figures.Count > 0) EditionDocument.FigureTable(html, $"Figures today: {section.Title}", figures, published: false);
        return html.ToString();
    }
}
