using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Dash;

public sealed class DoneModel(CurrentActor current, RiskAssessmentRecords records, ChecklistLibrary checklists, SafeguardingDbContext db)
    : DashPageModel(current, records, checklists, db)
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id, allowCompleted: true) is { } refused) return refused;
        return Assessment.Status == AssessmentStatus.Draft ? Redirect($"/domestic-abuse/dash/{id}/check") : Page();
    }
}
