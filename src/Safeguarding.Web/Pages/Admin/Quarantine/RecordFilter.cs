using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Imports;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Admin.Quarantine;

/// <summary>A record held in the quarantine, opened for an administrator (the raw record may name people: audited).</summary>
public sealed class QuarantinedRecordFilter : LoadRecordFilter<QuarantinedRecord>
{
    protected override string ResourceType => Core.Platform.Imports.Quarantine.ResourceType;

    protected override Task<QuarantinedRecord?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<Core.Platform.Imports.Quarantine>().OpenAsync(id, process, ct);
}
