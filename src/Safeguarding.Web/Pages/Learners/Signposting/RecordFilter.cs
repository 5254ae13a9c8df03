using Safeguarding.Core.Learners.Signposting;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Learners.Signposting;

/// <summary>Opens the signposting entry the entry page shows (GET and POST alike), for the CME/NEET lead; the read is audited.</summary>
public sealed class SignpostingFilter : LoadRecordFilter<SignpostingRow>
{
    protected override string ResourceType => EducationSignpostings.ResourceType;

    protected override Task<SignpostingRow?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<EducationSignpostings>().OpenAsync(id, process, ct);
}
