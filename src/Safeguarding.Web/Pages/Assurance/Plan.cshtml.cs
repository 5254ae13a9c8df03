using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Safeguarding.Core.Assurance.Structure;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance;

/// <summary>
/// The partnership's plan for a reporting year: the executive, the sub-groups and their members, each priority with what
/// it set out to do and its work-plan actions. The plan's keepers record an action's status ("did not progress" with why).
/// </summary>
public sealed class PlanModel(CurrentActor current, PartnershipPlan plan, IClock clock) : PageModel
{
    public PlanYear Year { get; private set; } = null!;
    public bool MayKeep { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostStatusAsync(Guid actionId, string? status, string? reason)
    {
        var process = await current.ProcessAsync("record a work-plan action's status");
        try
        {
            await plan.RecordStatusAsync(new ActionStatusOptions(actionId, Enum.TryParse<ActionStatus>(status, out var s) ? s : null, reason), process);
            return Redirect($"/assurance/plan?year={AssurancePages.YearFrom(Request, clock)}#action-{actionId}");
        }
        catch (ArgumentException e)
        {
            AssurancePages.AddError(ModelState, e);
            await LoadAsync();
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        var process = await current.ProcessAsync("the partnership's plan");
        Year = await plan.YearAsync(new PlanYearOptions(AssurancePages.YearFrom(Request, clock)), process);
        MayKeep = process.RequireActor().Grants.Any(g => g is { Resource: Core.Platform.Access.Resource.PartnershipPlan, Operation: Core.Platform.Access.Operation.Update });
    }
}
