using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Safeguarding.Core.Assurance.Returns;

/// <summary>How a question set's answers are graded, by the agency and then by the sub-group.</summary>
public enum GradeScale
{
    /// <summary>Red (1), amber (2), green (3).</summary>
    RedAmberGreen,
    /// <summary>1 not met, 2 partly met, 3 mostly met, 4 fully met.</summary>
    OneToFour,
}

/// <summary>
/// A set of questions as versioned data (section 11 self-assessment, section 175 education audit, MACE Silver return).
/// A new version is a new row with the same key; a return keeps the version it was asked with.
/// </summary>
public sealed class QuestionSet
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public required string Key { get; set; }
    public int Version { get; set; }
    public required string Title { get; set; }
    public GradeScale Scale { get; set; }
}

public sealed class ReturnQuestion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid QuestionSetId { get; set; }
    public int Number { get; set; }
    public required string Text { get; set; }
}

/// <summary>A sub-group asks agencies a question set by a due date: one <see cref="AssuranceReturn"/> per agency.</summary>
public sealed class ReturnRequest
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid QuestionSetId { get; set; }
    /// <summary>The sub-group asking, where one is named.</summary>
    public Guid? SubGroupId { get; set; }
    public required string Title { get; set; }
    public LocalDate Due { get; set; }
    public Instant AskedAt { get; set; }
    public Guid? AskedByUserId { get; set; }
}

public enum ReturnStatus
{
    NotStarted,
    /// <summary>Saved by the agency, not yet sent: the sub-group does not see the answers.</summary>
    Draft,
    Submitted,
    /// <summary>Closed by the sub-group: nothing more changes.</summary>
    Closed,
}

/// <summary>
/// One agency's return to a request. Owned by the agency asked: its safeguarding lead sees and answers it, no other
/// agency does. The reminders sent are kept so each goes once (<see cref="ReturnReminders"/>).
/// </summary>
public sealed class AssuranceReturn
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid RequestId { get; set; }
    public Guid OrganisationId { get; set; }
    public ReturnStatus Status { get; set; }
    public Instant? SubmittedAt { get; set; }
    public Instant? ClosedAt { get; set; }
    /// <summary>When the reminder before the due date was sent (once).</summary>
    public Instant? ReminderSentAt { get; set; }
    /// <summary>When the overdue reminder was sent (once).</summary>
    public Instant? OverdueReminderSentAt { get; set; }
}

/// <summary>
/// An agency's answer to one question: its self-assessment grade and evidence; then the sub-group's grade and any
/// challenge, and the agency's response to it.
/// </summary>
public sealed class ReturnAnswer
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid ReturnId { get; set; }
    public Guid QuestionId { get; set; }
    public int? SelfGrade { get; set; }
    public string? Evidence { get; set; }
    public int? SubGroupGrade { get; set; }
    public string? Challenge { get; set; }
    public Instant? ChallengedAt { get; set; }
    public string? Response { get; set; }
    public Instant? RespondedAt { get; set; }
}

internal sealed class QuestionSetMapping : IEntityTypeConfiguration<QuestionSet>
{
    public void Configure(EntityTypeBuilder<QuestionSet> b)
    {
        b.ToTable("assurance_question_sets");
        b.Property(s => s.Key).HasMaxLength(64);
        b.Property(s => s.Title).HasMaxLength(200);
        b.HasIndex(s => new { s.PartnershipId, s.Key, s.Version }).IsUnique();
    }
}

internal sealed class ReturnQuestionMapping : IEntityTypeConfiguration<ReturnQuestion>
{
    public void Configure(EntityTypeBuilder<ReturnQuestion> b)
    {
        b.ToTable("assurance_questions");
        b.HasOne<QuestionSet>().WithMany().HasForeignKey(q => q.QuestionSetId);
        b.Property(q => q.Text).HasMaxLength(2000);
        b.HasIndex(q => new { q.QuestionSetId, q.Number }).IsUnique();
    }
}

internal sealed class ReturnRequestMapping : IEntityTypeConfiguration<ReturnRequest>
{
    public void Configure(EntityTypeBuilder<ReturnRequest> b)
    {
        b.ToTable("assurance_return_requests");
        b.HasOne<QuestionSet>().WithMany().HasForeignKey(r => r.QuestionSetId);
        b.HasOne<Structure.SubGroup>().WithMany().HasForeignKey(r => r.SubGroupId);
        b.Property(r => r.Title).HasMaxLength(200);
        b.HasIndex(r => new { r.PartnershipId, r.Due });
    }
}

internal sealed class AssuranceReturnMapping : IEntityTypeConfiguration<AssuranceReturn>
{
    public void Configure(EntityTypeBuilder<AssuranceReturn> b)
    {
        b.ToTable("assurance_returns");
        b.HasOne<ReturnRequest>().WithMany().HasForeignKey(r => r.RequestId);
        b.HasOne<Platform.Organisations.Organisation>().WithMany().HasForeignKey(r => r.OrganisationId);
        b.HasIndex(r => new { r.RequestId, r.OrganisationId }).IsUnique();
        b.HasIndex(r => new { r.PartnershipId, r.OrganisationId, r.Status });
    }
}

internal sealed class ReturnAnswerMapping : IEntityTypeConfiguration<ReturnAnswer>
{
    public void Configure(EntityTypeBuilder<ReturnAnswer> b)
    {
        b.ToTable("assurance_return_answers");
        b.HasOne<AssuranceReturn>().WithMany().HasForeignKey(a => a.ReturnId);
        b.HasOne<ReturnQuestion>().WithMany().HasForeignKey(a => a.QuestionId);
        b.Property(a => a.Evidence).HasMaxLength(4000);
        b.Property(a => a.Challenge).HasMaxLength(4000);
        b.Property(a => a.Response).HasMaxLength(4000);
        b.HasIndex(a => new { a.ReturnId, a.QuestionId }).IsUnique();
    }
}
