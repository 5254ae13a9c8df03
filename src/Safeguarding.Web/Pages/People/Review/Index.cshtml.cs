using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.People.Review;

/// <summary>Possible matches the model would not decide alone, oldest first.</summary>
[RequirePermission(Resource.Person, Operation.Update)]
public sealed class IndexModel(CurrentActor current, MatchReviews reviews) : PageModel
{
    public IReadOnlyList<WaitingMatch> Waiting { get; private set; } = [];

    public async Task OnGetAsync() => Waiting = await reviews.WaitingAsync(await current.ProcessAsync("match review"));
}
