using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Assurance.CaseAudits;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.CaseAudits;

/// <summary>
/// One sampled case (loaded by <see cref="AuditedCaseFilter"/>: checked, every record shown audited). A named auditor
/// answers for their agency while the audit is open; the audit lead grades and records actions (the service refuses
/// anyone else).
/// </summary>
public sealed class CaseModel(CurrentActor current, Core.Assurance.CaseAudits.CaseAudits audits) : PageModel
{
    [BindProperty] public List<string?>? Answers { get; set; }
    [BindProperty] public CaseGrade? Grade { get; set; }
    [BindProperty] public string? LearningPoints { get; set; }
    [BindProperty] public string? ActionText { get; set; }
    [BindProperty] public Guid? ActionOwner { get; set; }
    [BindProperty] public DateParts ActionDue { get; set; } = new();

    public AuditedCaseView Case { get; private set; } = null!;

    public void OnGet() => Case = HttpContext.Loaded<AuditedCaseView>();

    public Task<IActionResult> OnPostAnswerAsync(Guid id) =>
        ActAsync(id, nameof(Answers), "answer a case audit", p => audits.AnswerAsync(new AnswerCaseOptions(id,
            (Answers ?? []).Select((text, i) => (Question: i + 1, text)).Where(a => a.text is not null).ToDictionary(a => a.Question, a => a.text!)), p));

    public Task<IActionResult> OnPostGradeAsync(Guid id)
    {
        if (Grade is null) ModelState.AddModelError(nameof(Grade), "Choose the grade");
        if (string.IsNullOrWhiteSpace(LearningPoints)) ModelState.AddModelError(nameof(LearningPoints), "Enter the learning points");
        return ActAsync(id, nameof(LearningPoints), "grade a case audit", p => audits.GradeAsync(new GradeCaseOptions(id, Grade!.Value, LearningPoints!), p));
    }

    public Task<IActionResult> OnPostActionAsync(Guid id)
    {
        if (string.IsNullOrWhiteSpace(ActionText)) ModelState.AddModelError(nameof(ActionText), "Enter the action");
        if (ActionOwner is null) ModelState.AddModelError(nameof(ActionOwner), "Choose the agency that owns the action");
        var due = AssuranceReviewPages.Date(ModelState, nameof(ActionDue), ActionDue, "the date the action is due");
        return ActAsync(id, nameof(ActionText), "record a case audit action",
            p => audits.AddActionAsync(new AddAuditActionOptions(id, ActionText!, ActionOwner!.Value, due!.Value), p));
    }

    private async Task<IActionResult> ActAsync(Guid id, string field, string purpose, Func<ProcessContext, Task> act)
    {
        Case = HttpContext.Loaded<AuditedCaseView>();
        if (ModelState.IsValid)
        {
            try
            {
                await act(await current.ProcessAsync(purpose));
                return Redirect($"/assurance/case-audits/cases/{id}");
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                ModelState.AddModelError(field, AssuranceReviewPages.Message(e));
            }
        }
        return Page();
    }
}
