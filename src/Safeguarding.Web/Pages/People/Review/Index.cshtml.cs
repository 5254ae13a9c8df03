using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.People.Review;

/// <summary>Possible matches the model would not decide alone, oldest first, a page at a time.</summary>
[RequirePermission(Resource.Person, Operation.Update)]
public sealed class IndexModel(CurrentActor current, MatchReviews reviews) : PageModel
{
    public Paged<WaitingMatch> Waiting { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Waiting = await reviews.WaitingAsync(WorkQueues.PageFrom(Request), await current.ProcessAsync("match review", ct), ct);
}
