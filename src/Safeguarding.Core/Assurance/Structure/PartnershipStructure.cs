using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Safeguarding.Core.Assurance.Structure;

/// <summary>The three statutory safeguarding partners (Working Together 2023) who make up the executive.</summary>
public enum PartnerKind
{
    Council,
    IntegratedCareBoard,
    Police,
}

/// <summary>One of the three safeguarding partners on the executive: the organisation and its lead (who signs off the yearly report).</summary>
public sealed class SafeguardingPartner
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public PartnerKind Kind { get; set; }
    public Guid OrganisationId { get; set; }
    /// <summary>The lead's name and role ("Director of Children's Services"), as the report names them.</summary>
    public required string Lead { get; set; }
}

/// <summary>A sub-group of the partnership: its chair and member agencies. Sub-groups own work plans and ask assurance returns.</summary>
public sealed class SubGroup
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public required string Name { get; set; }
    /// <summary>The chair's name and organisation, as the report names them.</summary>
    public required string Chair { get; set; }
    /// <summary>The member agencies (organisations of the partnership).</summary>
    public List<Guid> MemberOrganisationIds { get; set; } = [];
    /// <summary>What the sub-group is for, as the partnership words it.</summary>
    public string? Remit { get; set; }
    /// <summary>
    /// The user who chairs it: the right to write the sub-group's sections of the yearly report comes from this id (with
    /// the SubGroupChair role), never from <see cref="Chair"/>, which keeps the name as the report and history show it.
    /// </summary>
    public Guid? ChairUserId { get; set; }
}

/// <summary>A priority for a reporting year (April to March, named by the year it starts: 2023 is 2023-24) and what it set out to do.</summary>
public sealed class Priority
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public int Year { get; set; }
    public int Order { get; set; }
    public required string Title { get; set; }
    public required string Aim { get; set; }
}

public enum ActionStatus
{
    NotStarted,
    InProgress,
    Done,
    /// <summary>Did not progress: the yearly report must say so, with the reason (Working Together 2023).</summary>
    DidNotProgress,
}

/// <summary>An action on a sub-group's work plan, towards one priority.</summary>
public sealed class WorkPlanAction
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid SubGroupId { get; set; }
    public Guid PriorityId { get; set; }
    public required string Action { get; set; }
    /// <summary>Who owns it: a name or a team, as the sub-group writes it.</summary>
    public required string Owner { get; set; }
    public LocalDate Due { get; set; }
    public ActionStatus Status { get; set; }
    /// <summary>Why it did not progress; required then, empty otherwise.</summary>
    public string? NotProgressedReason { get; set; }
    public Instant? StatusChangedAt { get; set; }
}

internal sealed class SafeguardingPartnerMapping : IEntityTypeConfiguration<SafeguardingPartner>
{
    public void Configure(EntityTypeBuilder<SafeguardingPartner> b)
    {
        b.ToTable("assurance_partners");
        b.HasOne<Platform.Organisations.Organisation>().WithMany().HasForeignKey(p => p.OrganisationId);
        b.Property(p => p.Lead).HasMaxLength(300);
        b.HasIndex(p => new { p.PartnershipId, p.Kind }).IsUnique();
    }
}

internal sealed class SubGroupMapping : IEntityTypeConfiguration<SubGroup>
{
    public void Configure(EntityTypeBuilder<SubGroup> b)
    {
        b.ToTable("assurance_sub_groups");
        b.Property(g => g.Name).HasMaxLength(200);
        b.Property(g => g.Chair).HasMaxLength(300);
        b.Property(g => g.Remit).HasMaxLength(2000);
        b.HasOne<Platform.Users.User>().WithMany().HasForeignKey(g => g.ChairUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(g => new { g.PartnershipId, g.Name }).IsUnique();
    }
}

internal sealed class PriorityMapping : IEntityTypeConfiguration<Priority>
{
    public void Configure(EntityTypeBuilder<Priority> b)
    {
        b.ToTable("assurance_priorities");
        b.Property(p => p.Title).HasMaxLength(200);
        b.Property(p => p.Aim).HasMaxLength(4000);
        b.HasIndex(p => new { p.PartnershipId, p.Year, p.Order });
    }
}

internal sealed class WorkPlanActionMapping : IEntityTypeConfiguration<WorkPlanAction>
{
    public void Configure(EntityTypeBuilder<WorkPlanAction> b)
    {
        b.ToTable("assurance_work_plan_actions");
        b.HasOne<SubGroup>().WithMany().HasForeignKey(a => a.SubGroupId);
        b.HasOne<Priority>().WithMany().HasForeignKey(a => a.PriorityId);
        b.Property(a => a.Action).HasMaxLength(2000);
        b.Property(a => a.Owner).HasMaxLength(200);
        b.Property(a => a.NotProgressedReason).HasMaxLength(2000);
        b.HasIndex(a => new { a.PartnershipId, a.PriorityId });
    }
}
