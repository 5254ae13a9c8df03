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

    /// <summary>Gives a section to a sub-group (its chair then writes it), or back to the business manager alone.</summary>
    public async Task<IActionResult> OnPostAssignAsync(Guid id, string sectionKey, Guid? subGroupId)
    {
        Draft = HttpContext.Loaded<ReportDraft>();
        try
        {
            await reports.AssignSectionAsync(new AssignSectionOptions(Draft.Id, sectionKey ?? "", subGroupId), await current.ProcessAsync("give a section of the yearly report to a sub-group"));
        }
        catch (ArgumentException)
        {
            // Only a tampered form names a sub-group not on the list: the draft shows the section as it was.
        }
        return Redirect($"/assurance/report/{Draft.Id}#{sectionKey}");
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
