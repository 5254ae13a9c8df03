using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Encompass.ChildrenToPlace;

/// <summary>The Front Door's queue of children from incidents whose school or college is not known yet.</summary>
[RequirePermission(Resource.EncompassNotification, Operation.Create)]
public sealed class IndexModel(CurrentActor current, Core.DomesticAbuse.Encompass.ChildrenToPlace queue) : PageModel
{
    public ChildrenToPlaceList Waiting { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Waiting = await queue.WaitingAsync(WorkQueues.PageFrom(Request), await current.ProcessAsync(ct: ct), ct);
}
