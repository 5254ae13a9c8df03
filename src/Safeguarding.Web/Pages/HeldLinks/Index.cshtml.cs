using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.HeldLinks;

/// <summary>
/// Links that incoming records would have made to a child held elsewhere, sealed or at MARAC, waiting for the Front
/// Door or the council's education lead (the folder needs HeldLink:Review; the index checks it again, whole partnership).
/// </summary>
public sealed class IndexModel(CurrentActor current, PersonIndex index) : PageModel
{
    public Paged<WaitingHeldLink> Waiting { get; private set; } = new([], 0, 1, PageOptions.DefaultSize);

    public async Task OnGetAsync() =>
        Waiting = await index.WaitingHeldLinksAsync(WorkQueues.PageFrom(Request), await current.ProcessAsync("held link review"));

    /// <summary>The list's pages, for the shared GOV.UK pagination.</summary>
    public Pagination Pagination => new(Waiting.Number, Waiting.Pages, n => $"/held-links?page={n}");
}
