using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Assurance.Report;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.Report;

/// <summary>The partnership's yearly reports and their editions: for the business manager who drafts them and the lead partners who sign them off.</summary>
public sealed class IndexModel(CurrentActor current, YearlyReports reports) : PageModel
{
    public IReadOnlyList<ReportSummary> Reports { get; private set; } = [];
    public bool MayDraft { get; private set; }
    public bool MayStart { get; private set; }

    public async Task OnGetAsync()
    {
        var actor = await current.RequireAsync();
        MayDraft = actor.HasAny(Resource.YearlyReport, Operation.Update);
        MayStart = actor.HasAny(Resource.YearlyReport, Operation.Create);
        Reports = await reports.ListAsync(new ReportListOptions(), await current.ProcessAsync("yearly reports"));
    }
}
