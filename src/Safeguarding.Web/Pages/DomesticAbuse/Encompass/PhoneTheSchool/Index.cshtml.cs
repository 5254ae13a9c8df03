using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Encompass.PhoneTheSchool;

/// <summary>The Front Door's list of settings to phone: notifications not acknowledged by the deadline, and breaches.</summary>
public sealed class IndexModel(CurrentActor current, EncompassEscalation escalation) : PageModel
{
    public PhoneTheSchoolList Tasks { get; private set; } = null!;
    public Paged<BreachItem> Breaches { get; private set; } = null!;

    /// <summary>The missed deadlines page through their own query value, so each list keeps its place.</summary>
    public const string BreachPage = "missed-page";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var process = await current.ProcessAsync("phone the school", ct);
        Tasks = await escalation.TasksAsync(WorkQueues.PageFrom(Request), process, ct);
        Breaches = await escalation.BreachesAsync(WorkQueues.PageFrom(Request, BreachPage), process, ct);
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid taskId) => await SetAsync(taskId, done: true);

    public async Task<IActionResult> OnPostUndoAsync(Guid taskId) => await SetAsync(taskId, done: false);

    private async Task<IActionResult> SetAsync(Guid taskId, bool done)
    {
        var found = await escalation.SetDoneAsync(new PhoneCallOptions(taskId, done, null), await current.ProcessAsync("phone the school"));
        return found ? Redirect("/domestic-abuse/encompass/phone-the-school") : NotFound();
    }
}
