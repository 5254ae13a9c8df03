using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.FrontDoor;

/// <summary>The contacts the reader's organisation sent to the Front Door, newest first, each with its outcome in the referrer's words; paged, each row audited.</summary>
public sealed class SentModel(CurrentActor current, FrontDoorContacts contacts) : PageModel
{
    public Paged<ReferrerView> List { get; private set; } = null!;
    public Pagination Pagination { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        List = await contacts.SentAsync(WorkQueues.PageFrom(Request), await current.ProcessAsync("contacts sent to the Front Door"));
        Pagination = WorkQueues.Pagination(Request, List);
    }
}
