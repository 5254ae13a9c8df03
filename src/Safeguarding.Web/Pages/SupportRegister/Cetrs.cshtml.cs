using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.SupportRegister;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.SupportRegister;

/// <summary>The complex-needs unit's C(E)TR queue: referrals waiting, and every clock that runs with its due date (the lead sees their own children's).</summary>
public sealed class CetrsModel(CurrentActor current, Cetrs cetrs) : PageModel
{
    public CetrQueue Queue { get; private set; } = null!;

    public async Task OnGetAsync() => Queue = await cetrs.QueueAsync(await current.ProcessAsync("the C(E)TR queue"), HttpContext.RequestAborted);
}
