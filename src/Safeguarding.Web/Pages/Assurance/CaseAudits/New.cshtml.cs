using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Assurance.CaseAudits;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.CaseAudits;

/// <summary>The business manager sets up an audit on a tool version, or writes a tool's next version.</summary>
public sealed class NewModel(CurrentActor current, Core.Assurance.CaseAudits.CaseAudits audits) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public Guid? ToolVersionId { get; set; }
    [BindProperty] public SampleCriteria? Criteria { get; set; }
    [BindProperty] public DateParts PeriodFrom { get; set; } = new();
    [BindProperty] public DateParts PeriodTo { get; set; } = new();
    [BindProperty] public int? SampleSize { get; set; }
    [BindProperty] public int? Seed { get; set; }
    [BindProperty] public DateParts OpensOn { get; set; } = new();
    [BindProperty] public DateParts ClosesOn { get; set; } = new();
    [BindProperty] public string? ToolName { get; set; }
    [BindProperty] public string? Questions { get; set; }

    public IReadOnlyList<ToolVersionRow> Tools { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Tools = await audits.ToolsAsync(await current.ProcessAsync("Case audit tools"));
        ToolName ??= Tools.FirstOrDefault()?.ToolName;
        Questions ??= Tools.Count > 0 ? string.Join('\n', Tools[0].Questions) : null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var process = await current.ProcessAsync("set up a case audit");
        Tools = await audits.ToolsAsync(process);
        if (ToolVersionId is null) ModelState.AddModelError(nameof(ToolVersionId), "Choose the audit tool");
        if (Criteria is null) ModelState.AddModelError(nameof(Criteria), "Choose which cases to sample");
        var from = AssuranceReviewPages.Date(ModelState, nameof(PeriodFrom), PeriodFrom, "the start of the period");
        var to = AssuranceReviewPages.Date(ModelState, nameof(PeriodTo), PeriodTo, "the end of the period");
        if (SampleSize is null) ModelState.AddModelError(nameof(SampleSize), "Enter how many cases to sample, as a whole number");
        if (Seed is null) ModelState.AddModelError(nameof(Seed), "Enter a seed, as a whole number");
        var opens = AssuranceReviewPages.Date(ModelState, nameof(OpensOn), OpensOn, "the day the audit opens");
        var closes = AssuranceReviewPages.Date(ModelState, nameof(ClosesOn), ClosesOn, "the day the audit closes");
        if (!ModelState.IsValid) return Page();
        var options = new CreateAuditOptions(Title ?? "", ToolVersionId!.Value, Criteria!.Value, from!.Value, to!.Value, SampleSize!.Value, Seed!.Value, opens!.Value, closes!.Value);
        foreach (var (field, message) in Core.Assurance.CaseAudits.CaseAudits.AuditProblems(options)) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        try
        {
            var id = await audits.CreateAsync(options, process);
            await audits.DrawSampleAsync(id, process);
            return Redirect($"/assurance/case-audits/{id}");
        }
        catch (ArgumentException e)
        {
            ModelState.AddModelError(nameof(Title), AssuranceReviewPages.Message(e));
            return Page();
        }
    }

    public async Task<IActionResult> OnPostToolAsync()
    {
        var process = await current.ProcessAsync("change a case audit tool");
        try
        {
            await audits.ChangeToolAsync(new ChangeToolOptions(ToolName ?? "", Questions ?? ""), process);
            return Redirect("/assurance/case-audits/new");
        }
        catch (ArgumentException e)
        {
            Tools = await audits.ToolsAsync(process);
            ModelState.AddModelError(string.IsNullOrWhiteSpace(ToolName) ? nameof(ToolName) : nameof(Questions), AssuranceReviewPages.Message(e));
            return Page();
        }
    }
}
