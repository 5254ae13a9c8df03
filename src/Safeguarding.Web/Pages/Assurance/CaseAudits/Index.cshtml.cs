using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Assurance.CaseAudits;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.CaseAudits;

/// <summary>The audits: every one for the business manager; for an auditor, the open audits they are named on.</summary>
public sealed class IndexModel(CurrentActor current, Core.Assurance.CaseAudits.CaseAudits audits) : PageModel
{
    public Paged<AuditRow> Audits { get; private set; } = null!;
    public Pagination Pagination { get; private set; } = null!;
    public bool MaySetUp { get; private set; }

    public async Task OnGetAsync()
    {
        var process = await current.ProcessAsync("Case audits");
        MaySetUp = process.RequireActor().HasAny(Resource.CaseAudit, Operation.Create);
        Audits = await audits.ListAsync(new AuditListOptions(WorkQueues.PageFrom(Request)), process);
        Pagination = WorkQueues.Pagination(Request, Audits);
    }
}
