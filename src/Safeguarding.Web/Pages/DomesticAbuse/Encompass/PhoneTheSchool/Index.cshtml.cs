using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Encompass.PhoneTheSchool;

/// <summary>The Front Door's list of settings to phone: notifications not acknowledged 30 minutes before the deadline, and breaches.</summary>
public sealed class IndexModel(CurrentActor current, EncompassEscalation escalation) : PageModel
{
    public IReadOnlyList<PhoneTheSchoolItem> Tasks { get; private set; } = [];
    public IReadOnlyList<BreachItem> Breaches { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var process = await current.ProcessAsync("phone the school");
        Tasks = await escalation.TasksAsync(process);
        Breaches = await escalation.BreachesAsync(process);
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid taskId) => await SetAsync(taskId, done: true);

    public async Task<IActionResult> OnPostUndoAsync(Guid taskId) => await SetAsync(taskId, done: false);

    private async Task<IActionResult> SetAsync(Guid taskId, bool done)
    {
        var found = await escalation.SetDoneAsync(new PhoneCallOptions(taskId, done, null), await current.ProcessAsync("phone the school"));
        return found ? Redirect("/domestic-abuse/encompass/phone-the-school") : NotFound();
    }
}
