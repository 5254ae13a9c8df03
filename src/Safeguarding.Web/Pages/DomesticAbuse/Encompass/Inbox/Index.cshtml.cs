using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Encompass.Inbox;

/// <summary>A setting's Operation Encompass notifications, for its Key Adults.</summary>
public sealed class IndexModel(CurrentActor current, KeyAdultInbox inbox) : PageModel
{
    public IReadOnlyList<InboxItem> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Items = await inbox.ListAsync(await current.ProcessAsync("Operation Encompass inbox"));
    }
}
