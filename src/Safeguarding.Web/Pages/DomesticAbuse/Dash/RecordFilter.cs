using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Dash;

/// <summary>Opens the assessment a checklist page acts on, for its author's organisation or the Front Door (the read is audited).</summary>
public sealed class AssessmentFilter : LoadRecordFilter<RiskAssessment>
{
    protected override string ResourceType => RiskAssessmentRecords.ResourceType;

    protected override Task<RiskAssessment?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<RiskAssessmentRecords>().OpenAsync(id, process, ct);
}

/// <summary>Opens the incident a checklist starts from, for its own force or the Front Door (the read is audited).</summary>
public sealed class IncidentFilter : LoadRecordFilter<DomesticIncident>
{
    protected override string ResourceType => RiskAssessmentRecords.IncidentResourceType;

    protected override string RouteKey => "incidentId";

    protected override Task<DomesticIncident?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<RiskAssessmentRecords>().OpenIncidentAsync(id, process, ct);
}
