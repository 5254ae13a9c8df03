using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Encompass.Inbox;

/// <summary>A setting's Operation Encompass notifications, for its Key Adults: waiting or acknowledged, a page at a time.</summary>
public sealed class IndexModel(CurrentActor current, KeyAdultInbox inbox) : PageModel
{
    public InboxList List { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Waiting unless the acknowledged view is asked for: the morning's work comes first.
        var filter = string.Equals(Request.Query["show"], "acknowledged", StringComparison.OrdinalIgnoreCase) ? InboxFilter.Acknowledged : InboxFilter.Waiting;
        List = await inbox.ListAsync(new InboxListOptions(filter, WorkQueues.PageFrom(Request)), await current.ProcessAsync("Operation Encompass inbox", ct: ct), ct);
    }
}
