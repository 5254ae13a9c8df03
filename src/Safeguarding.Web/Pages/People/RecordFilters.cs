using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Pages.People;

/// <summary>The person's record, opened by the policy (and audited) for the record page.</summary>
public sealed class PersonFilter : LoadRecordFilter<PersonOpening>
{
    protected override string ResourceType => PersonRecords.ResourceType;

    protected override Task<PersonOpening?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<PersonRecords>().OpenAsync(id, process, ct);
}

/// <summary>The person a break-glass request is about: they exist, and the caller's role may use break-glass.</summary>
public sealed class BreakGlassTargetFilter : LoadRecordFilter<BreakGlassTarget>
{
    protected override string ResourceType => PersonRecords.ResourceType;

    protected override Task<BreakGlassTarget?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<PersonRecords>().BreakGlassTargetAsync(id, process, ct);
}

/// <summary>A merge to undo.</summary>
public sealed class PersonMergeFilter : LoadRecordFilter<PersonMerge>
{
    protected override string ResourceType => nameof(PersonMerge);

    protected override Task<PersonMerge?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<PersonIndex>().MergeOfAsync(id, process, ct);
}

/// <summary>A possible match, side by side, for a decision.</summary>
public sealed class MatchToDecideFilter : LoadRecordFilter<MatchToDecide>
{
    protected override string ResourceType => nameof(MatchReview);

    protected override Task<MatchToDecide?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<MatchReviews>().OpenAsync(id, process, ct);
}

/// <summary>A child's child protection plans, for children's social care (ChildProtectionPlan Read on the child, audited).</summary>
public sealed class ChildProtectionPlansFilter : LoadRecordFilter<ChildProtectionPlansOfChild>
{
    protected override string ResourceType => ChildProtectionPlans.ResourceType;

    protected override Task<ChildProtectionPlansOfChild?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<ChildProtectionPlans>().OpenAsync(id, process, ct);
}

/// <summary>Who holds a child, for the allocation page (ChildAllocation Read on the child, audited), on GET and POST alike.</summary>
public sealed class ChildAllocationsFilter : LoadRecordFilter<ChildAllocationsOfChild>
{
    protected override string ResourceType => ChildAllocations.ResourceType;

    protected override Task<ChildAllocationsOfChild?> LoadAsync(IServiceProvider services, Guid id, ProcessContext process, CancellationToken ct) =>
        services.GetRequiredService<ChildAllocations>().OpenAsync(id, process, ct);
}
