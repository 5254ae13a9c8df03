using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Assurance.PracticeReviews;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.PracticeReviews;

/// <summary>The partnership's reviews by reference (never the child's name), with what each waits for and what is overdue.</summary>
public sealed class IndexModel(CurrentActor current, Core.Assurance.PracticeReviews.PracticeReviews reviews) : PageModel
{
    public Paged<ReviewRow> Reviews { get; private set; } = null!;
    public Pagination Pagination { get; private set; } = null!;
    public bool MayStart { get; private set; }

    public async Task OnGetAsync()
    {
        var process = await current.ProcessAsync("Practice reviews");
        MayStart = process.RequireActor().HasAny(Resource.PracticeReview, Operation.Create);
        Reviews = await reviews.ListAsync(new ReviewListOptions(WorkQueues.PageFrom(Request)), process);
        Pagination = WorkQueues.Pagination(Request, Reviews);
    }
}
