using Safeguarding.Core.Assurance.PracticeReviews;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.PracticeReviews;

/// <summary>A practice review, for those who may read reviews (the child's name read audited), on GET and POST alike.</summary>
public sealed class ReviewFilter : LoadRecordFilter<ReviewView>
{
    protected override string ResourceType => Core.Assurance.PracticeReviews.PracticeReviews.ResourceType;

    protected override async Task<ReviewView?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        await services.GetRequiredService<Core.Assurance.PracticeReviews.PracticeReviews>().OpenAsync(id, process, ct);
}
