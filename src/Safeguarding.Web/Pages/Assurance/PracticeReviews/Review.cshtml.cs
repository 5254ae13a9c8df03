using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Assurance.PracticeReviews;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.PracticeReviews;

/// <summary>
/// One review (loaded by <see cref="ReviewFilter"/>, the child's name read audited): its clocks and the form for its next
/// step, and its recommendations. Only a reader who may update it sees the forms; the service refuses anyone else.
/// </summary>
public sealed class ReviewModel(CurrentActor current, Core.Assurance.PracticeReviews.PracticeReviews reviews) : PageModel
{
    [BindProperty] public DateParts On { get; set; } = new();
    [BindProperty] public ReviewDecision? Decision { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Timeline { get; set; }
    [BindProperty] public string? Reviewer { get; set; }
    [BindProperty] public string? Link { get; set; }
    [BindProperty] public string? RecommendationText { get; set; }
    [BindProperty] public Guid? Owner { get; set; }
    [BindProperty] public DateParts Due { get; set; } = new();
    [BindProperty] public Guid? RecommendationId { get; set; }
    [BindProperty] public RecommendationStatus? Status { get; set; }

    public ReviewView Review { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Name)> Agencies { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Review = HttpContext.Loaded<ReviewView>();
        if (Review.MayUpdate) Agencies = await reviews.AgenciesAsync(await current.ProcessAsync("Practice review agencies"));
    }

    public Task<IActionResult> OnPostNotifyAsync(Guid id) => DatedAsync(id, "the day the panel was notified", "record a serious incident notification",
        (on, p) => reviews.NotifyAsync(new ReviewDateOptions(id, on), p));

    public Task<IActionResult> OnPostRapidReviewAsync(Guid id) => DatedAsync(id, "the day the rapid review was held", "record a rapid review",
        (on, p) => reviews.RecordRapidReviewAsync(new ReviewDateOptions(id, on), p));

    public Task<IActionResult> OnPostPublishAsync(Guid id) => DatedAsync(id, "the day the review was published", "record a review's publication",
        (on, p) => reviews.PublishAsync(new PublishReviewOptions(id, on, Link ?? ""), p));

    public Task<IActionResult> OnPostDecideAsync(Guid id)
    {
        if (Decision is null) ModelState.AddModelError(nameof(Decision), "Choose the decision");
        return ActAsync(id, nameof(Text), "record a practice review decision", p => reviews.DecideAsync(new DecideReviewOptions(id, Decision!.Value, Text ?? ""), p));
    }

    public Task<IActionResult> OnPostLocalReviewAsync(Guid id) => ActAsync(id, nameof(Text), "record a local review",
        p => reviews.RecordLocalReviewAsync(new LocalReviewOptions(id, Text ?? "", Timeline ?? "", Reviewer ?? ""), p));

    public Task<IActionResult> OnPostRecommendationAsync(Guid id)
    {
        if (Owner is null) ModelState.AddModelError(nameof(Owner), "Choose the agency that owns the recommendation");
        var due = AssuranceReviewPages.Date(ModelState, nameof(Due), Due, "the date the recommendation is due");
        return ActAsync(id, nameof(RecommendationText), "add a practice review recommendation",
            p => reviews.AddRecommendationAsync(new AddRecommendationOptions(id, RecommendationText ?? "", Owner!.Value, due!.Value), p));
    }

    public Task<IActionResult> OnPostStatusAsync(Guid id)
    {
        if (RecommendationId is null || Status is null) ModelState.AddModelError(nameof(RecommendationText), "Choose the recommendation's status");
        return ActAsync(id, nameof(RecommendationText), "change a recommendation's status",
            p => reviews.ChangeRecommendationAsync(new RecommendationStatusOptions(RecommendationId!.Value, Status!.Value), p));
    }

    private Task<IActionResult> DatedAsync(Guid id, string what, string purpose, Func<NodaTime.LocalDate, ProcessContext, Task> act)
    {
        var on = AssuranceReviewPages.Date(ModelState, nameof(On), On, what);
        return ActAsync(id, nameof(On), purpose, p => act(on!.Value, p));
    }

    private async Task<IActionResult> ActAsync(Guid id, string field, string purpose, Func<ProcessContext, Task> act)
    {
        Review = HttpContext.Loaded<ReviewView>();
        if (!Review.MayUpdate) throw new ForbiddenException(Core.Assurance.PracticeReviews.PracticeReviews.ResourceType, id.ToString(), "no role grants Update on PracticeReview");
        if (ModelState.IsValid)
        {
            try
            {
                await act(await current.ProcessAsync(purpose));
                return Redirect($"/assurance/practice-reviews/{id}");
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                ModelState.AddModelError(field, AssuranceReviewPages.Message(e));
            }
        }
        await OnGetAsync();
        return Page();
    }
}
