using Safeguarding.Core.Learners.Signposting;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Learners.RollDifferences;

/// <summary>Opens the roll difference its page shows (GET and POST alike) for the setting whose roll it concerns; the read is audited.</summary>
public sealed class RollDifferenceFilter : LoadRecordFilter<RollDifferenceRow>
{
    protected override string ResourceType => EducationSignpostings.ResourceType;

    protected override Task<RollDifferenceRow?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<EducationSignpostings>().RollDifferenceAsync(id, process, ct);
}
