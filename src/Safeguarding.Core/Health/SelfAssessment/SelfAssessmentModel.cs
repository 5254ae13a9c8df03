using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Safeguarding.Core.People;

namespace Safeguarding.Core.Health.SelfAssessment;

/// <summary>What the ward's nurse made of a submitted self-assessment.</summary>
public enum SelfAssessmentResponse
{
    /// <summary>Nothing further is needed; the nurse says why.</summary>
    NoFurtherAction,
    /// <summary>The nurse started the young people's DASH, the exploitation screening, or another referral (said in the note).</summary>
    ReferredOn,
    /// <summary>Referred to the A&amp;E Navigator service (set by the referral itself).</summary>
    ReferredToNavigator,
}

/// <summary>
/// A young person's self-assessment on the emergency department's ward tablet: started by the safeguarding nurse for
/// a person of 12 to 18 found through the person index (optionally for one attendance), completed by the young person
/// once, then read and answered by the nurse. The answers are kept against the checklist version they were given on.
/// </summary>
public sealed class YoungPersonSelfAssessment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid PersonId { get; set; }
    /// <summary>The attendance it was started in, when the nurse named one (health's own record).</summary>
    public Guid? AttendanceId { get; set; }
    /// <summary>The hospital trust whose nurse started it: its safeguarding team reads it.</summary>
    public Guid OrganisationId { get; set; }
    public int AgeAtStart { get; set; }
    public required string ChecklistCode { get; set; }
    public int ChecklistVersion { get; set; }
    public Instant StartedAt { get; set; }
    public Guid? StartedByUserId { get; set; }

    /// <summary>Question key to "yes", "no" or "not-say", as JSON; null until the young person submits.</summary>
    public string? Answers { get; set; }
    /// <summary>How many answers need the nurse's attention ("yes" to a question about a worry).</summary>
    public int AttentionCount { get; set; }
    /// <summary>A "yes" to a question that needs attention today (feeling unsafe tonight, thoughts of self-harm, being made to carry or go).</summary>
    public bool Urgent { get; set; }
    /// <summary>Once set, the self-assessment cannot be reopened on the tablet.</summary>
    public Instant? SubmittedAt { get; set; }

    public SelfAssessmentResponse? Response { get; set; }
    public string? ResponseNote { get; set; }
    public Instant? RespondedAt { get; set; }
    public Guid? RespondedByUserId { get; set; }
}

internal sealed class YoungPersonSelfAssessmentMapping : IEntityTypeConfiguration<YoungPersonSelfAssessment>
{
    public void Configure(EntityTypeBuilder<YoungPersonSelfAssessment> b)
    {
        b.ToTable("health_self_assessments");
        b.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId);
        b.HasOne<EmergencyDepartment.EdAttendance>().WithMany().HasForeignKey(s => s.AttendanceId);
        b.Property(s => s.ChecklistCode).HasMaxLength(64);
        b.Property(s => s.Answers).HasMaxLength(4000);
        b.Property(s => s.Response).HasConversion<string>().HasMaxLength(24);
        b.Property(s => s.ResponseNote).HasMaxLength(2000);
        b.HasIndex(s => new { s.PartnershipId, s.OrganisationId, s.SubmittedAt });
        b.HasIndex(s => new { s.PartnershipId, s.PersonId });
    }
}
