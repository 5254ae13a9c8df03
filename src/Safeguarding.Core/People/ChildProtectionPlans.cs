using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.People;

/// <summary>The category of abuse a child protection plan is under (Working Together to Safeguard Children).</summary>
public enum ChildProtectionCategory
{
    Neglect,
    PhysicalAbuse,
    SexualAbuse,
    EmotionalAbuse,
    MultipleCategories,
}

/// <summary>
/// Children's social care's record that a child is subject to a child protection plan: from the start date until the
/// plan ends. Kept small on purpose: the plan itself lives in the council's case system; the hub needs to know that
/// the child is on one, because a child on a plan is not linked to a school or GP practice by an incoming record alone.
/// </summary>
public sealed class ChildProtectionPlan
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid PersonId { get; set; }
    public ChildProtectionCategory Category { get; set; }
    public LocalDate StartDate { get; set; }
    /// <summary>When the plan ended; null while the child is subject to it.</summary>
    public LocalDate? EndDate { get; set; }
    public Guid RecordedByOrganisationId { get; set; }
    public Guid? RecordedByUserId { get; set; }
    public Instant RecordedAt { get; set; }
    public Guid? EndedByUserId { get; set; }
}

internal sealed class ChildProtectionPlanMapping : IEntityTypeConfiguration<ChildProtectionPlan>
{
    public void Configure(EntityTypeBuilder<ChildProtectionPlan> b)
    {
        b.ToTable("people_child_protection_plans");
        b.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId);
        b.HasIndex(p => new { p.PartnershipId, p.PersonId });
    }
}

public sealed record RecordChildProtectionPlanOptions(Guid PersonId, ChildProtectionCategory Category, LocalDate StartDate);

public sealed record EndChildProtectionPlanOptions(Guid PersonId, Guid PlanId, LocalDate EndDate);

/// <summary>A child's child protection plans as opened by children's social care: the current one first.</summary>
public sealed record ChildProtectionPlansOfChild(Person Child, IReadOnlyList<ChildProtectionPlan> Plans, bool MayRecord)
{
    public ChildProtectionPlan? Current => Plans.FirstOrDefault(p => p.EndDate is null);
}

/// <summary>
/// Recording and ending child protection plans (children's social care: social workers on their cases, team managers
/// across the partnership), and the rule it feeds: a child on an active plan is held from automatic links
/// (docs/security.md, "Relationships are earned").
/// </summary>
public sealed class ChildProtectionPlans(SafeguardingDbContext db) : ILinkHoldSource
{
    public const string ResourceType = nameof(ChildProtectionPlan);
    public const string HoldReason = "the child is subject to a child protection plan";

    public async Task<string?> WhyHoldAsync(Guid partnershipId, Guid personId, LocalDate? onDay, CancellationToken ct)
    {
        var plans = db.Set<ChildProtectionPlan>().AsNoTracking().Where(p => p.PartnershipId == partnershipId && p.PersonId == personId);
        plans = onDay is { } day ? plans.Where(p => p.StartDate <= day && (p.EndDate == null || p.EndDate >= day)) : plans.Where(p => p.EndDate == null);
        return await plans.AnyAsync(ct) ? HoldReason : null;
    }

    /// <summary>The child's plans, for a reader with ChildProtectionPlan Read on the child (audited); null when the partnership has no such person.</summary>
    public async Task<ChildProtectionPlansOfChild?> OpenAsync(Guid personId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var child = await db.People.AsNoTracking().Include(p => p.Links)
            .SingleOrDefaultAsync(p => p.Id == personId && p.PartnershipId == actor.PartnershipId && p.MergedIntoPersonId == null, ct);
        if (child is null) return null;
        Demand(actor, child, Operation.Read);
        var plans = await db.Set<ChildProtectionPlan>().AsNoTracking().Where(p => p.PartnershipId == actor.PartnershipId && p.PersonId == personId)
            .OrderBy(p => p.EndDate != null).ThenByDescending(p => p.StartDate).ToListAsync(ct);
        db.QueueAudit(process, AuditActions.Read, ResourceType, personId.ToString(), AuditOutcome.Allowed, $"{plans.Count} plans");
        await db.SaveChangesAsync(ct);
        var mayRecord = AccessPolicy.Decide(actor, Resource.ChildProtectionPlan, Operation.Update, Facts(child)).Allowed;
        return new ChildProtectionPlansOfChild(child, plans, mayRecord);
    }

    /// <summary>Records that the child is subject to a plan from the start date; a child has one current plan at a time.</summary>
    public async Task<ChildProtectionPlan> RecordAsync(RecordChildProtectionPlanOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var child = await ChildAsync(actor, options.PersonId, ct);
        Demand(actor, child, Operation.Update);
        if (await db.Set<ChildProtectionPlan>().AnyAsync(p => p.PersonId == child.Id && p.EndDate == null, ct))
            throw new InvalidOperationException("The child is already subject to a child protection plan: end it before recording another.");
        var plan = new ChildProtectionPlan
        {
            PartnershipId = actor.PartnershipId, PersonId = child.Id, Category = options.Category, StartDate = options.StartDate,
            RecordedByOrganisationId = actor.OrganisationId, RecordedByUserId = actor.UserId, RecordedAt = db.Clock.GetCurrentInstant(),
        };
        db.Process = process with { Purpose = "child protection plan recorded" };
        db.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>Records that the plan ended on the date given (not before it started).</summary>
    public async Task EndAsync(EndChildProtectionPlanOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var child = await ChildAsync(actor, options.PersonId, ct);
        Demand(actor, child, Operation.Update);
        var plan = await db.Set<ChildProtectionPlan>().SingleOrDefaultAsync(p => p.Id == options.PlanId && p.PersonId == child.Id && p.PartnershipId == actor.PartnershipId, ct)
                   ?? throw new NotFoundException(ResourceType, options.PlanId.ToString());
        if (plan.EndDate is not null) throw new InvalidOperationException("This plan has already ended.");
        if (options.EndDate < plan.StartDate) throw new ArgumentException("A plan cannot end before it started.", nameof(options));
        db.Process = process with { Purpose = "child protection plan ended" };
        plan.EndDate = options.EndDate;
        plan.EndedByUserId = actor.UserId;
        await db.SaveChangesAsync(ct);
    }

    private async Task<Person> ChildAsync(Actor actor, Guid personId, CancellationToken ct) =>
        await db.People.AsNoTracking().Include(p => p.Links)
            .SingleOrDefaultAsync(p => p.Id == personId && p.PartnershipId == actor.PartnershipId && p.MergedIntoPersonId == null, ct)
        ?? throw new NotFoundException(PersonRecords.ResourceType, personId.ToString());

    private static void Demand(Actor actor, Person child, Operation operation)
    {
        var decision = AccessPolicy.Decide(actor, Resource.ChildProtectionPlan, operation, Facts(child));
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, child.Id.ToString(), decision.Reason);
    }

    private static RecordFacts Facts(Person p) =>
        new(p.PartnershipId, p.RecordedByOrganisationId, p.Links.Select(l => l.OrganisationId).ToList(), p.IsSealed);
}
