using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Safeguarding.Core.Assurance.CaseAudits;

/// <summary>
/// One version of an audit tool's questions. Changing a tool writes a new version (the next number) and never touches
/// an earlier one, so an audit that uses a version keeps asking exactly what it asked when it started.
/// </summary>
public sealed class CaseAuditToolVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    /// <summary>The tool's name, the same for all its versions ("Multi-agency case audit").</summary>
    public required string ToolName { get; set; }
    public int Version { get; set; }
    /// <summary>The questions, one a line, in order; a question's number is its line.</summary>
    public required string Questions { get; set; }
    public Instant CreatedAt { get; set; }
    public Guid? CreatedByUserId { get; set; }

    public IReadOnlyList<string> QuestionList => Questions.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>How an audit's sample is drawn from what the platform holds.</summary>
public enum SampleCriteria
{
    /// <summary>MARAC cases heard in the period whose victim's household had children on the day heard (DomesticAbuse/Marac).</summary>
    MaracCasesWithChildren,
    /// <summary>Children on the Dynamic Support Register rated red in the period (SupportRegister).</summary>
    SupportRegisterRated,
}

/// <summary>The grades Ofsted uses, which the partnership's audits follow.</summary>
public enum CaseGrade
{
    Outstanding,
    Good,
    RequiresImprovement,
    Inadequate,
}

/// <summary>
/// A multi-agency case audit: a tool version, the criteria and period its sample is drawn by, the sample's size and
/// seed (the same seed on the same data draws the same cases), the days it is open to its auditors, and its lead.
/// </summary>
public sealed class CaseAudit
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public required string Title { get; set; }
    public Guid ToolVersionId { get; set; }
    public SampleCriteria Criteria { get; set; }
    public LocalDate PeriodFrom { get; set; }
    public LocalDate PeriodTo { get; set; }
    public int SampleSize { get; set; }
    public int Seed { get; set; }
    /// <summary>The first and last days auditors may read the sampled cases (inclusive, London).</summary>
    public LocalDate OpensOn { get; set; }
    public LocalDate ClosesOn { get; set; }
    /// <summary>The audit lead, who agrees each case's overall grade.</summary>
    public Guid LeadUserId { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? SampledAt { get; set; }
}

/// <summary>A user of an agency named to audit its part of the audit's cases; removal ends their sight at once.</summary>
public sealed class CaseAuditor
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AuditId { get; set; }
    public Guid UserId { get; set; }
    public Guid OrganisationId { get; set; }
    public Instant NamedAt { get; set; }
    public Instant? RemovedAt { get; set; }
}

/// <summary>A sampled case: the child, the record it was drawn from (a MARAC referral, a register entry), and its grade once agreed.</summary>
public sealed class AuditedCase
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid AuditId { get; set; }
    public int Position { get; set; }
    public Guid PersonId { get; set; }
    public required string SourceType { get; set; }
    public Guid SourceId { get; set; }
    public CaseGrade? Grade { get; set; }
    public string? LearningPoints { get; set; }
    public Instant? GradedAt { get; set; }
    public Guid? GradedByUserId { get; set; }
}

/// <summary>An agency's answer to one question about its part of a case (one per case, agency and question; a new answer replaces it).</summary>
public sealed class AuditAnswer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public Guid OrganisationId { get; set; }
    public int Question { get; set; }
    public required string Answer { get; set; }
    public Guid AnsweredByUserId { get; set; }
    public Instant AnsweredAt { get; set; }
}

/// <summary>An action a case's audit agreed: what, which agency owns it, by when, and whether done.</summary>
public sealed class AuditAction
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid CaseId { get; set; }
    public required string Description { get; set; }
    public Guid OwnerOrganisationId { get; set; }
    public LocalDate Due { get; set; }
    public LocalDate? DoneOn { get; set; }
}

internal sealed class CaseAuditMappings :
    IEntityTypeConfiguration<CaseAuditToolVersion>, IEntityTypeConfiguration<CaseAudit>, IEntityTypeConfiguration<CaseAuditor>,
    IEntityTypeConfiguration<AuditedCase>, IEntityTypeConfiguration<AuditAnswer>, IEntityTypeConfiguration<AuditAction>
{
    public void Configure(EntityTypeBuilder<CaseAuditToolVersion> b)
    {
        b.ToTable("assurance_audit_tool_versions");
        b.Property(v => v.ToolName).HasMaxLength(200);
        b.Property(v => v.Questions).HasMaxLength(20000);
        b.HasIndex(v => new { v.PartnershipId, v.ToolName, v.Version }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<CaseAudit> b)
    {
        b.ToTable("assurance_case_audits");
        b.Property(a => a.Title).HasMaxLength(200);
        b.HasOne<CaseAuditToolVersion>().WithMany().HasForeignKey(a => a.ToolVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.PartnershipId, a.OpensOn });
    }

    public void Configure(EntityTypeBuilder<CaseAuditor> b)
    {
        b.ToTable("assurance_case_auditors");
        b.HasOne<CaseAudit>().WithMany().HasForeignKey(a => a.AuditId);
        b.HasIndex(a => new { a.UserId, a.AuditId });
    }

    public void Configure(EntityTypeBuilder<AuditedCase> b)
    {
        b.ToTable("assurance_audited_cases");
        b.HasOne<CaseAudit>().WithMany().HasForeignKey(c => c.AuditId);
        b.HasOne<People.Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.SourceType).HasMaxLength(64);
        b.Property(c => c.LearningPoints).HasMaxLength(8000);
        b.HasIndex(c => new { c.AuditId, c.Position });
    }

    public void Configure(EntityTypeBuilder<AuditAnswer> b)
    {
        b.ToTable("assurance_audit_answers");
        b.HasOne<AuditedCase>().WithMany().HasForeignKey(a => a.CaseId);
        b.Property(a => a.Answer).HasMaxLength(4000);
        b.HasIndex(a => new { a.CaseId, a.OrganisationId, a.Question }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<AuditAction> b)
    {
        b.ToTable("assurance_audit_actions");
        b.HasOne<AuditedCase>().WithMany().HasForeignKey(a => a.CaseId);
        b.Property(a => a.Description).HasMaxLength(2000);
        b.HasIndex(a => new { a.PartnershipId, a.Due });
    }
}
