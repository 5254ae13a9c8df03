using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.People;

/// <summary>
/// Children's social care records that a child is subject to a child protection plan, and when it ends.
/// <see cref="ChildProtectionPlansFilter"/> opens the child's plans (ChildProtectionPlan Read on the child, audited) on GET
/// and POST alike; recording and ending need ChildProtectionPlan Update, checked by the service.
/// </summary>
public sealed class ChildProtectionPlanModel(CurrentActor current, ChildProtectionPlans plans) : PageModel
{
    public ChildProtectionPlansOfChild View { get; private set; } = null!;

    [BindProperty] public ChildProtectionCategory? Category { get; set; }
    [BindProperty] public DateParts StartDate { get; set; } = new();
    [BindProperty] public DateParts EndDate { get; set; } = new();

    public static string Describe(ChildProtectionCategory category) => category switch
    {
        ChildProtectionCategory.Neglect => "Neglect",
        ChildProtectionCategory.PhysicalAbuse => "Physical abuse",
        ChildProtectionCategory.SexualAbuse => "Sexual abuse",
        ChildProtectionCategory.EmotionalAbuse => "Emotional abuse",
        _ => "Multiple categories",
    };

    // Refused before the form is read, so a reader who may not record learns nothing from validation.
    private void DemandRecord()
    {
        if (!View.MayRecord) throw new ForbiddenException(ChildProtectionPlans.ResourceType, View.Child.Id.ToString(), "no role grants Update on ChildProtectionPlan for this child");
    }

    public void OnGet() => View = HttpContext.Loaded<ChildProtectionPlansOfChild>();

    public async Task<IActionResult> OnPostRecordAsync()
    {
        View = HttpContext.Loaded<ChildProtectionPlansOfChild>();
        DemandRecord();
        if (Category is null) ModelState.AddModelError(nameof(Category), "Select the category of the plan");
        if (StartDate.ToDate() is not { } start) ModelState.AddModelError(nameof(StartDate), "Enter the date the plan started, for example 27 3 2026");
        if (!ModelState.IsValid) return Page();
        await plans.RecordAsync(new RecordChildProtectionPlanOptions(View.Child.Id, Category!.Value, StartDate.ToDate()!.Value), await current.ProcessAsync());
        return Redirect($"/people/{View.Child.Id}/child-protection-plan");
    }

    public async Task<IActionResult> OnPostEndAsync()
    {
        View = HttpContext.Loaded<ChildProtectionPlansOfChild>();
        DemandRecord();
        if (View.Current is not { } plan) return Redirect($"/people/{View.Child.Id}/child-protection-plan");
        if (EndDate.ToDate() is not { } end) ModelState.AddModelError(nameof(EndDate), "Enter the date the plan ended, for example 27 3 2026");
        else if (end < plan.StartDate) ModelState.AddModelError(nameof(EndDate), "The plan cannot end before it started");
        if (!ModelState.IsValid) return Page();
        await plans.EndAsync(new EndChildProtectionPlanOptions(View.Child.Id, plan.Id, EndDate.ToDate()!.Value), await current.ProcessAsync());
        return Redirect($"/people/{View.Child.Id}/child-protection-plan");
    }
}
