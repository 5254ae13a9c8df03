using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Assurance.CaseAudits;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.CaseAudits;

/// <summary>
/// One audit (loaded by <see cref="AuditFilter"/>, checked and audited): its tool, sample and auditors; the business
/// manager draws the sample and names or removes auditors (the service refuses anyone else, on each POST).
/// </summary>
public sealed class AuditModel(CurrentActor current, Core.Assurance.CaseAudits.CaseAudits audits) : PageModel
{
    [BindProperty] public Guid? AuditorUserId { get; set; }

    public AuditView Audit { get; private set; } = null!;
    public IReadOnlyList<AuditorRow> Choices { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Audit = HttpContext.Loaded<AuditView>();
        if (Audit.MayManage) Choices = await audits.AuditorChoicesAsync(await current.ProcessAsync("Case auditors"));
    }

    public async Task<IActionResult> OnPostSampleAsync(Guid id) =>
        await ManageAsync(id, "draw a case audit's sample", process => audits.DrawSampleAsync(id, process));

    public async Task<IActionResult> OnPostAuditorAsync(Guid id)
    {
        if (AuditorUserId is not { } user)
        {
            ModelState.AddModelError(nameof(AuditorUserId), "Choose an auditor");
            await OnGetAsync();
            return Page();
        }
        return await ManageAsync(id, "name a case auditor", process => audits.NameAuditorAsync(new NameAuditorOptions(id, user), process));
    }

    public async Task<IActionResult> OnPostRemoveAuditorAsync(Guid id) =>
        await ManageAsync(id, "remove a case auditor", process => audits.RemoveAuditorAsync(new NameAuditorOptions(id, AuditorUserId ?? Guid.Empty), process));

    private async Task<IActionResult> ManageAsync(Guid id, string purpose, Func<ProcessContext, Task> act)
    {
        Audit = HttpContext.Loaded<AuditView>();
        if (!Audit.MayManage) throw new ForbiddenException(Core.Assurance.CaseAudits.CaseAudits.ResourceType, id.ToString(), "only the business manager changes an audit");
        try
        {
            await act(await current.ProcessAsync(purpose));
            return Redirect($"/assurance/case-audits/{id}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            ModelState.AddModelError(nameof(AuditorUserId), AssuranceReviewPages.Message(e));
            await OnGetAsync();
            return Page();
        }
    }
}
