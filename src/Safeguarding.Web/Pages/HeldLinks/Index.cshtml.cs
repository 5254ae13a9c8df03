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
    public IReadOnlyList<WaitingHeldLink> Waiting { get; private set; } = [];

    public async Task OnGetAsync() => Waiting = await index.WaitingHeldLinksAsync(await current.ProcessAsync("held link review"));
}
