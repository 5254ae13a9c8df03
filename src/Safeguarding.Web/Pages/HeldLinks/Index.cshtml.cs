using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.People;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.HeldLinks;

/// <summary>
/// Links that incoming records would have made to a child held elsewhere, sealed or at MARAC, waiting for the Front
/// Door or the council's education lead (the folder needs HeldLink:Review; the index checks it again, whole partnership).
/// </summary>
public sealed class IndexModel(CurrentActor current, PersonIndex index) : PageModel
{
    public WaitingHeldLinksPage Waiting { get; private set; } = new([], 0, 1);

    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber = 1) =>
        Waiting = await index.WaitingHeldLinksAsync(new WaitingHeldLinksOptions(pageNumber), await current.ProcessAsync("held link review"));
}
