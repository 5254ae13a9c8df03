using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Dash;

public sealed class IndexModel(CurrentActor current, RiskAssessmentRecords records) : PageModel
{
    public IReadOnlyList<DraftToFinish> Drafts { get; private set; } = [];
    public IReadOnlyList<IncidentToAssess> Incidents { get; private set; } = [];

    public async Task OnGetAsync() =>
        (Drafts, Incidents) = await records.WorklistAsync(await current.ProcessAsync());
}
