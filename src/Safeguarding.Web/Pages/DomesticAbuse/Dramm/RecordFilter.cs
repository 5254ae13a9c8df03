using Microsoft.AspNetCore.Mvc.Filters;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.Dramm;

/// <summary>
/// Opens the case a triage decides, for the Front Door: named by its police incident, or by its checklist when there is
/// no incident (the incident comes first: its checklist is found from it). The reads are audited.
/// </summary>
public sealed class TriageCaseFilter : LoadRecordFilter<TriageCase>
{
    protected override string ResourceType => nameof(TriageDecision);

    protected override string? IdText(PageHandlerExecutingContext context)
    {
        var query = context.HttpContext.Request.Query;
        return string.IsNullOrEmpty(query["incident"]) ? query["assessment"].ToString() : query["incident"].ToString();
    }

    protected override Task<TriageCase?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<TriageCases>().OpenAsync(id, process, ct);
}

/// <summary>
/// Opens a police incident for its page: the policy decides on that incident (its force, the Front Door, the victim's
/// seal) before the page runs, GET or POST alike; the read is audited.
/// </summary>
public sealed class IncidentCaseFilter : LoadRecordFilter<IncidentCase>
{
    protected override string ResourceType => Core.DomesticAbuse.RiskAssessments.RiskAssessmentRecords.IncidentResourceType;

    protected override Task<IncidentCase?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<IncidentCases>().OpenAsync(id, process, ct);
}
