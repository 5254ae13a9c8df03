using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.DomesticAbuse.SafetyPlans;

/// <summary>Opens the safety plan a plan page shows, for someone who may read it; the read is audited.</summary>
public sealed class SafetyPlanFilter : LoadRecordFilter<SafetyPlanView>
{
    protected override string ResourceType => Core.DomesticAbuse.Dramm.SafetyPlans.ResourceType;

    protected override Task<SafetyPlanView?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<Core.DomesticAbuse.Dramm.SafetyPlans>().OpenAsync(id, process, ct);
}
