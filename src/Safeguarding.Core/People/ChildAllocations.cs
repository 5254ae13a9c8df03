using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Core.People;

/// <summary>
/// Who holds a child for an agency (children's social work, youth justice, the exploitation team): the allocated worker,
/// their team manager and, for escalations, a service manager. One current allocation per child and agency; a new one
/// ends the one before. Work about the child (police intelligence, missing episodes, alerts) goes to the holder.
/// </summary>
public sealed class ChildAllocation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid PersonId { get; set; }
    /// <summary>The agency holding the child (the worker's organisation).</summary>
    public Guid OrganisationId { get; set; }
    public Guid WorkerUserId { get; set; }
    public Guid TeamManagerUserId { get; set; }
    public Guid? ServiceManagerUserId { get; set; }
    public LocalDate StartDate { get; set; }
    /// <summary>When the agency stopped holding the child; null while it does.</summary>
    public LocalDate? EndDate { get; set; }
    public Guid RecordedByUserId { get; set; }
    public Instant RecordedAt { get; set; }
}

internal sealed class ChildAllocationMapping : IEntityTypeConfiguration<ChildAllocation>
{
    public void Configure(EntityTypeBuilder<ChildAllocation> b)
    {
        b.ToTable("people_child_allocations");
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId);
        b.HasIndex(a => new { a.PartnershipId, a.PersonId });
        b.HasIndex(a => new { a.PartnershipId, a.WorkerUserId });
    }
}

/// <summary>The people who hold a child now, for routing work to them.</summary>
public sealed record ChildHolder(Guid AllocationId, Guid OrganisationId, Guid WorkerUserId, Guid TeamManagerUserId, Guid? ServiceManagerUserId, LocalDate StartDate);

/// <summary>An allocation with the names the page shows, and whether the reader may end it (a current one of their own organisation).</summary>
public sealed record ChildAllocationRow(ChildAllocation Allocation, string Organisation, string Worker, string TeamManager, string? ServiceManager, bool MayEnd);

/// <summary>The allocation page's child, allocations (current first) and, for a manager, the colleagues they may name.</summary>
public sealed record ChildAllocationsOfChild(Person Child, IReadOnlyList<ChildAllocationRow> Allocations, bool MayAllocate,
    IReadOnlyList<(Guid Id, string Name, IReadOnlyList<Role> Roles)> Colleagues);

public sealed record AllocateChildOptions(Guid PersonId, Guid WorkerUserId, Guid TeamManagerUserId, Guid? ServiceManagerUserId, LocalDate StartDate);

public sealed record EndAllocationOptions(Guid PersonId, Guid AllocationId, LocalDate EndDate);

/// <summary>
/// Allocating a child to a worker (team managers, youth justice managers, service managers) and finding who holds a
/// child. Allocating links the child to the holding agency as an open case, so the worker's relationship-scoped
/// grants reach the child through the one access policy.
/// </summary>
public sealed class ChildAllocations(SafeguardingDbContext db)
{
    public const string ResourceType = nameof(ChildAllocation);

    /// <summary>
    /// Who holds the child now: the most recent current allocation, children's social work or youth justice alike.
    /// For routing inside the service (no access check, no audit: the caller decides what the holder is told).
    /// </summary>
    public async Task<ChildHolder?> HolderAsync(Guid partnershipId, Guid personId, CancellationToken ct = default) =>
        (await HoldersAsync(partnershipId, [personId], ct)).GetValueOrDefault(personId);

    /// <summary>The current holder of each child given that has one; for routing many items in one query.</summary>
    public async Task<IReadOnlyDictionary<Guid, ChildHolder>> HoldersAsync(Guid partnershipId, IReadOnlyCollection<Guid> personIds, CancellationToken ct = default)
    {
        var current = await db.Set<ChildAllocation>().AsNoTracking()
            .Where(a => a.PartnershipId == partnershipId && personIds.Contains(a.PersonId) && a.EndDate == null)
            .ToListAsync(ct);
        return current.GroupBy(a => a.PersonId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.StartDate).ThenByDescending(a => a.RecordedAt).Select(ToHolder).First());
    }

    /// <summary>The children the user holds now as worker (or as team manager), for their work lists.</summary>
    public async Task<IReadOnlyList<Guid>> ChildrenHeldByAsync(Guid partnershipId, Guid userId, bool asTeamManager, CancellationToken ct = default) =>
        await db.Set<ChildAllocation>().AsNoTracking()
            .Where(a => a.PartnershipId == partnershipId && a.EndDate == null && (asTeamManager ? a.TeamManagerUserId == userId : a.WorkerUserId == userId))
            .Select(a => a.PersonId).Distinct().ToListAsync(ct);

    /// <summary>The child's allocations, current first, for a reader with ChildAllocation Read on the child (audited).</summary>
    public async Task<IReadOnlyList<ChildAllocation>> ListAsync(Guid personId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var child = await ChildAsync(actor, personId, ct);
        Demand(actor, child, Operation.Read);
        var allocations = await db.Set<ChildAllocation>().AsNoTracking()
            .Where(a => a.PartnershipId == actor.PartnershipId && a.PersonId == personId)
            .ToListAsync(ct);
        db.QueueAudit(process, AuditActions.Read, ResourceType, personId.ToString(), AuditOutcome.Allowed, $"{allocations.Count} allocations");
        await db.SaveChangesAsync(ct);
        return [.. allocations.OrderBy(a => a.EndDate != null).ThenByDescending(a => a.StartDate)];
    }

    /// <summary>
    /// Allocates the child to a worker of the manager's own organisation; the agency's current allocation of the child
    /// ends the day before. The worker and the managers must be active users of that organisation.
    /// </summary>
    public async Task<ChildAllocation> AllocateAsync(AllocateChildOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var child = await ChildAsync(actor, options.PersonId, ct);
        Demand(actor, child, Operation.Create);
        var named = new[] { options.WorkerUserId, options.TeamManagerUserId }.Concat(options.ServiceManagerUserId is { } s ? [s] : []).Distinct().ToList();
        var found = await db.Users.AsNoTracking()
            .Where(u => named.Contains(u.Id) && u.PartnershipId == actor.PartnershipId && u.OrganisationId == actor.OrganisationId && !u.IsDisabled)
            .CountAsync(ct);
        if (found != named.Count)
            throw new ArgumentException("The worker and the managers must be active users of your own organisation.", nameof(options));

        db.Process = process with { Purpose = "child allocated" };
        var previous = await db.Set<ChildAllocation>()
            .Where(a => a.PartnershipId == actor.PartnershipId && a.PersonId == child.Id && a.OrganisationId == actor.OrganisationId && a.EndDate == null)
            .ToListAsync(ct);
        foreach (var old in previous)
            old.EndDate = options.StartDate <= old.StartDate ? old.StartDate : options.StartDate.PlusDays(-1);
        var allocation = new ChildAllocation
        {
            PartnershipId = actor.PartnershipId, PersonId = child.Id, OrganisationId = actor.OrganisationId,
            WorkerUserId = options.WorkerUserId, TeamManagerUserId = options.TeamManagerUserId, ServiceManagerUserId = options.ServiceManagerUserId,
            StartDate = options.StartDate, RecordedByUserId = actor.UserId ?? Guid.Empty, RecordedAt = db.Clock.GetCurrentInstant(),
        };
        db.Add(allocation);
        if (!child.Links.Any(l => l.OrganisationId == actor.OrganisationId))
            db.Add(new PersonLink
            {
                PartnershipId = actor.PartnershipId, PersonId = child.Id, OrganisationId = actor.OrganisationId, Kind = PersonLinkKind.OpenCase,
                From = options.StartDate, Made = LinkMade.Allocated, MadeAt = allocation.RecordedAt, MadeByUserId = actor.UserId,
            });
        await db.SaveChangesAsync(ct);
        return allocation;
    }

    /// <summary>Records that the agency stopped holding the child on the date given (not before the allocation started).</summary>
    public async Task EndAsync(EndAllocationOptions options, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        var child = await ChildAsync(actor, options.PersonId, ct);
        Demand(actor, child, Operation.Create);
        var allocation = await db.Set<ChildAllocation>()
            .SingleOrDefaultAsync(a => a.Id == options.AllocationId && a.PersonId == child.Id && a.PartnershipId == actor.PartnershipId && a.OrganisationId == actor.OrganisationId, ct)
            ?? throw new NotFoundException(ResourceType, options.AllocationId.ToString());
        if (allocation.EndDate is not null) throw new InvalidOperationException("This allocation has already ended.");
        if (options.EndDate < allocation.StartDate) throw new ArgumentException("An allocation cannot end before it started.", nameof(options));
        db.Process = process with { Purpose = "child allocation ended" };
        allocation.EndDate = options.EndDate;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The allocation page: the child, who holds them now and before (with names), and, for a manager who may allocate,
    /// the active workers and managers of their own organisation to choose from. Null when the partnership has no such
    /// child; refused without ChildAllocation Read on the child. Audited as <see cref="ListAsync"/>.
    /// </summary>
    public async Task<ChildAllocationsOfChild?> OpenAsync(Guid personId, ProcessContext process, CancellationToken ct = default)
    {
        var actor = process.RequireActor();
        if (!await db.People.AnyAsync(p => p.Id == personId && p.PartnershipId == actor.PartnershipId && p.MergedIntoPersonId == null, ct)) return null;
        var allocations = await ListAsync(personId, process, ct);
        var child = await ChildAsync(actor, personId, ct);
        var mayAllocate = AccessPolicy.Decide(actor, Resource.ChildAllocation, Operation.Create, Facts(child)).Allowed;
        var named = allocations.SelectMany(a => new[] { a.WorkerUserId, a.TeamManagerUserId, a.ServiceManagerUserId ?? Guid.Empty }).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => named.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var orgIds = allocations.Select(a => a.OrganisationId).Distinct().ToList();
        var orgs = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        IReadOnlyList<(Guid Id, string Name, IReadOnlyList<Role> Roles)> colleagues = [];
        if (mayAllocate)
            colleagues = [.. (await db.Users.AsNoTracking().Where(u => u.PartnershipId == actor.PartnershipId && u.OrganisationId == actor.OrganisationId && !u.IsDisabled)
                    .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, Roles = u.Roles.Select(r => r.Role).ToList() }).ToListAsync(ct))
                .Select(u => (u.Id, u.DisplayName, (IReadOnlyList<Role>)u.Roles))];
        var rows = allocations.Select(a => new ChildAllocationRow(a, orgs.GetValueOrDefault(a.OrganisationId) ?? "", names.GetValueOrDefault(a.WorkerUserId) ?? "",
            names.GetValueOrDefault(a.TeamManagerUserId) ?? "", a.ServiceManagerUserId is { } s ? names.GetValueOrDefault(s) : null,
            mayAllocate && a.EndDate is null && a.OrganisationId == actor.OrganisationId)).ToList();
        return new ChildAllocationsOfChild(child, rows, mayAllocate, colleagues);
    }

    private static ChildHolder ToHolder(ChildAllocation a) =>
        new(a.Id, a.OrganisationId, a.WorkerUserId, a.TeamManagerUserId, a.ServiceManagerUserId, a.StartDate);

    private async Task<Person> ChildAsync(Actor actor, Guid personId, CancellationToken ct) =>
        await db.People.AsNoTracking().Include(p => p.Links)
            .SingleOrDefaultAsync(p => p.Id == personId && p.PartnershipId == actor.PartnershipId && p.MergedIntoPersonId == null, ct)
        ?? throw new NotFoundException(PersonRecords.ResourceType, personId.ToString());

    private static void Demand(Actor actor, Person child, Operation operation)
    {
        var decision = AccessPolicy.Decide(actor, Resource.ChildAllocation, operation, Facts(child));
        if (!decision.Allowed) throw new ForbiddenException(ResourceType, child.Id.ToString(), decision.Reason);
    }

    private static RecordFacts Facts(Person p) =>
        new(p.PartnershipId, p.RecordedByOrganisationId, p.Links.Select(l => l.OrganisationId).ToList(), p.IsSealed);
}
