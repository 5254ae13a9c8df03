using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Assurance.Report;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;
using Safeguarding.Web.Hosting;

namespace Safeguarding.Web.Pages.Assurance.Report;

/// <summary>
/// An edition of the yearly report (loaded by <see cref="EditionFilter"/>, read audited): the frozen report as accessible
/// HTML, who has signed it off, what changed since the edition before, and, once published, its PDF: the same HTML
/// printed by headless Chromium (ADR-019), tagged, with a table of contents.
/// </summary>
public sealed class EditionModel(CurrentActor current, YearlyReports reports, PdfPrinter printer) : PageModel
{
    public EditionView Edition { get; private set; } = null!;
    public string? PdfUnavailable { get; private set; }

    public void OnGet() => Edition = HttpContext.Loaded<EditionView>();

    public async Task<IActionResult> OnGetPdfAsync()
    {
        Edition = HttpContext.Loaded<EditionView>();
        // The PDF is the published report: an edition waiting for sign-off is read on the page.
        if (!Edition.Published) throw new NotFoundException(YearlyReports.EditionResourceType, Edition.Id.ToString());
        try
        {
            await printer.StartAsync(HttpContext.RequestAborted);
            var pdf = await printer.PrintAsync(EditionDocument.Html(Edition), HttpContext.RequestAborted);
            await reports.RecordExportAsync(Edition.Id, await current.ProcessAsync("download the yearly report"));
            return File(pdf, "application/pdf", $"yearly-report-{Edition.Snapshot.From:yyyy-MM-dd}-to-{Edition.Snapshot.To:yyyy-MM-dd}-edition-{Edition.Number}.pdf");
        }
        catch (PdfUnavailableException e)
        {
            PdfUnavailable = e.Message;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
    }
}
