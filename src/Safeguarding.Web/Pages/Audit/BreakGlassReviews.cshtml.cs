using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Audit;

[RequirePermission(Resource.BreakGlassReview, Operation.Review)]
public sealed class BreakGlassReviewsModel(CurrentActor current, BreakGlass breakGlass) : PageModel
{
    public List<BreakGlassReviewItem> Waiting { get; private set; } = [];

    public async Task OnGetAsync() => Waiting = await breakGlass.WaitingForReviewAsync(await current.ProcessAsync());

    public async Task<IActionResult> OnPostAsync(Guid id, string? note) =>
        await breakGlass.ReviewAsync(new ReviewBreakGlassOptions(id, note), await current.ProcessAsync("break-glass review"))
            ? Redirect("/audit/break-glass-reviews")
            : NotFound();
}
