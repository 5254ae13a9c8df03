using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.FrontDoor;

/// <summary>Referrals whose child and family assessment is still open, the 45-working-day due date first (so overdue first), paged with the true count; each row audited.</summary>
public sealed class AssessmentsModel(CurrentActor current, FrontDoorContacts contacts) : PageModel
{
    public Paged<ContactRow> List { get; private set; } = null!;
    public Pagination Pagination { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        List = await contacts.ListAsync(new ContactListOptions(ContactList.AssessmentsOpen, WorkQueues.PageFrom(Request)),
            await current.ProcessAsync("Front Door: assessments open"));
        Pagination = WorkQueues.Pagination(Request, List);
    }
}
