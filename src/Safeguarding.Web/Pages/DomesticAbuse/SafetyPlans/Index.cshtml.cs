using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.SafetyPlans;

/// <summary>Open safety plans, soonest review first: by default those due for review within a week or overdue (the reminder).</summary>
public sealed class IndexModel(CurrentActor current, Core.DomesticAbuse.Dramm.SafetyPlans plans) : PageModel
{
    public SafetyPlanList Plans { get; private set; } = null!;
    /// <summary>"all" lists every open plan; anything else, those due for review.</summary>
    public bool All { get; private set; }

    public async Task OnGetAsync(string? show)
    {
        All = show == "all";
        Plans = await plans.ListAsync(new SafetyPlanListOptions(!All, WorkQueues.PageFrom(Request)), await current.ProcessAsync("safety plans to review"));
    }
}
