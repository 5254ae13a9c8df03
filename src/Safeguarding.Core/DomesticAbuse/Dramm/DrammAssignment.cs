using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Safeguarding.Core.Platform;

namespace Safeguarding.Core.DomesticAbuse.Dramm;

/// <summary>
/// Who at the Front Door works a case on the DRAMM list. Like a decision it belongs to the incident (the force and
/// police reference), not to one police version, so a correction stays with the practitioner who had it; a referral
/// without an incident is named by its checklist. One row per case: assigning again replaces it (the audit trail keeps
/// the earlier practitioner).
/// </summary>
public sealed class DrammAssignment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid? ForceOrganisationId { get; set; }
    public string? PoliceReference { get; set; }
    public Guid? RiskAssessmentId { get; set; }
    public Guid AssignedToUserId { get; set; }
    public Guid? AssignedByUserId { get; set; }
    public Instant AssignedAt { get; set; }
}

internal sealed class DrammAssignmentMapping : IEntityTypeConfiguration<DrammAssignment>
{
    public void Configure(EntityTypeBuilder<DrammAssignment> b)
    {
        b.ToTable("domestic_abuse_dramm_assignments");
        b.Property(a => a.PoliceReference).HasMaxLength(64);
        b.HasOne<Partnership>().WithMany().HasForeignKey(a => a.PartnershipId);
        b.HasIndex(a => new { a.PartnershipId, a.ForceOrganisationId, a.PoliceReference });
        b.HasIndex(a => a.RiskAssessmentId);
        b.HasIndex(a => new { a.PartnershipId, a.AssignedToUserId });
    }
}
