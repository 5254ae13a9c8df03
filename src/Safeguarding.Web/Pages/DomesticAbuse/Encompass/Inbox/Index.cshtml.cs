using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Encompass.Inbox;

/// <summary>A setting's Operation Encompass notifications, for its Key Adults, a page at a time.</summary>
public sealed class IndexModel(CurrentActor current, KeyAdultInbox inbox) : PageModel
{
    public InboxList List { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        List = await inbox.ListAsync(WorkQueues.PageFrom(Request), await current.ProcessAsync("Operation Encompass inbox", ct: ct), ct);
}
