using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.FrontDoor;

/// <summary>The Front Door's contacts awaiting a decision, the one-working-day clock due first (so overdue first), paged with the true count; each row audited.</summary>
public sealed class IndexModel(CurrentActor current, FrontDoorContacts contacts) : PageModel
{
    public Paged<ContactRow> List { get; private set; } = null!;
    public Pagination Pagination { get; private set; } = null!;
    public bool MayReadFigures { get; private set; }

    public async Task OnGetAsync()
    {
        var process = await current.ProcessAsync("Front Door: contacts awaiting a decision");
        MayReadFigures = FrontDoorFigures.MayRead(process.RequireActor());
        List = await contacts.ListAsync(new ContactListOptions(ContactList.AwaitingDecision, WorkQueues.PageFrom(Request)), process);
        Pagination = WorkQueues.Pagination(Request, List);
    }
}
