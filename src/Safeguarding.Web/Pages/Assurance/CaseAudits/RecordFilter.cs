using Safeguarding.Core.Assurance.CaseAudits;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.Assurance.CaseAudits;

/// <summary>An audit, for the business manager or a named auditor while it is open (audited), on GET and POST alike.</summary>
public sealed class AuditFilter : LoadRecordFilter<AuditView>
{
    protected override string ResourceType => Core.Assurance.CaseAudits.CaseAudits.ResourceType;

    protected override async Task<AuditView?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        await services.GetRequiredService<Core.Assurance.CaseAudits.CaseAudits>().OpenAuditAsync(id, process, ct);
}

/// <summary>A sampled case, for the business manager or a named auditor of its audit while it is open (every record shown audited).</summary>
public sealed class AuditedCaseFilter : LoadRecordFilter<AuditedCaseView>
{
    protected override string ResourceType => Core.Assurance.CaseAudits.CaseAudits.CaseResourceType;

    protected override async Task<AuditedCaseView?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        await services.GetRequiredService<Core.Assurance.CaseAudits.CaseAudits>().OpenCaseAsync(id, process, ct);
}
