using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.SafetyPlans;

/// <summary>
/// One safety plan (loaded by <see cref="SafetyPlanFilter"/>): its measures, review date and, once ended, why. Those who
/// may update it add a measure, record a review with the next date, or end it with a reason; the service checks the grant.
/// </summary>
public sealed class PlanModel(CurrentActor current, Core.DomesticAbuse.Dramm.SafetyPlans plans) : PageModel
{
    [BindProperty] public string? Measure { get; set; }
    [BindProperty] public Guid? MeasureOrganisation { get; set; }
    [BindProperty] public DateParts NextReview { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }

    public SafetyPlanView Plan { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];

    public async Task OnGetAsync() => await ShowAsync();

    public async Task<IActionResult> OnPostMeasureAsync(Guid id)
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Measure)) ModelState.AddModelError(nameof(Measure), "Describe the measure");
        if (MeasureOrganisation is null) ModelState.AddModelError(nameof(MeasureOrganisation), "Choose the organisation that does it");
        if (ModelState.IsValid)
            return await DoneAsync(await plans.AddMeasureAsync(new AddSafetyMeasureOptions(id, new SafetyMeasureOptions(Measure!, MeasureOrganisation!.Value)), await current.ProcessAsync("add a safety measure")), nameof(Measure), id);
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id)
    {
        ModelState.Clear();
        if (NextReview.ToDate() is { } next)
            return await DoneAsync(await plans.ReviewAsync(new ReviewSafetyPlanOptions(id, next), await current.ProcessAsync("review a safety plan")), nameof(NextReview), id);
        ModelState.AddModelError(nameof(NextReview), NextReview.IsEmpty ? "Enter the next review date" : "Enter a real date, like 27 3 2027");
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id)
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Enter why the plan is ending");
        else return await DoneAsync(await plans.EndAsync(new EndSafetyPlanOptions(id, Reason), await current.ProcessAsync("end a safety plan")), nameof(Reason), id);
        return await ShowAsync();
    }

    /// <summary>Back to the plan when the change was made; otherwise the page again with the service's reason on the field.</summary>
    private async Task<IActionResult> DoneAsync(SafetyPlanChange change, string field, Guid id)
    {
        if (change.Problem is null) return Redirect($"/domestic-abuse/safety-plans/{id}");
        ModelState.AddModelError(field, change.Problem);
        return await ShowAsync();
    }

    private async Task<PageResult> ShowAsync()
    {
        Plan = HttpContext.Loaded<SafetyPlanView>();
        if (Plan.MayUpdate && Plan.IsOpen)
            Organisations = await plans.OrganisationsAsync(await current.ProcessAsync());
        return Page();
    }
}
