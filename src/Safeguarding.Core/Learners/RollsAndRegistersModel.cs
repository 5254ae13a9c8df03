using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguarding.Core.Learners.Registers;
using Safeguarding.Core.Learners.Rolls;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.Learners;

// The Learners module's pupil rolls and EHE/CME registers, prefixed "learners_".

internal sealed class PupilRegistrationMapping : IEntityTypeConfiguration<PupilRegistration>
{
    public void Configure(EntityTypeBuilder<PupilRegistration> b)
    {
        b.ToTable("learners_pupil_registrations");
        b.Property(r => r.LocalId).HasMaxLength(100);
        b.Property(r => r.EnrolStatus).HasMaxLength(1);
        b.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId);
        b.HasOne<SourceRecord>().WithMany().HasForeignKey(r => r.SourceRecordId);
        b.HasIndex(r => new { r.OrganisationId, r.LocalId }).IsUnique();
        b.HasIndex(r => new { r.PartnershipId, r.PersonId });
    }
}

internal sealed class LearnerRegisterEntryMapping : IEntityTypeConfiguration<LearnerRegisterEntry>
{
    public void Configure(EntityTypeBuilder<LearnerRegisterEntry> b)
    {
        b.ToTable("learners_register_entries");
        b.Property(r => r.Reason).HasMaxLength(200);
        b.Property(r => r.LastSchoolUrn).HasMaxLength(8);
        b.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId);
        b.HasOne<SourceRecord>().WithMany().HasForeignKey(r => r.SourceRecordId);
        b.HasIndex(r => new { r.PartnershipId, r.PersonId });
    }
}

internal sealed class RollUploadMapping : IEntityTypeConfiguration<RollUpload>
{
    public void Configure(EntityTypeBuilder<RollUpload> b)
    {
        b.ToTable("learners_roll_uploads");
        b.Property(u => u.UploadedBy).HasMaxLength(200);
        b.Property(u => u.FileName).HasMaxLength(260);
        b.HasOne<Partnership>().WithMany().HasForeignKey(u => u.PartnershipId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId);
        // The setting's page lists its latest uploads first.
        b.HasIndex(u => new { u.OrganisationId, u.UploadedAt });
    }
}

internal sealed class LearnerPopulationMapping : IEntityTypeConfiguration<LearnerPopulation>
{
    public void Configure(EntityTypeBuilder<LearnerPopulation> b)
    {
        b.ToTable("learners_population");
        b.HasKey(p => p.PartnershipId);
        b.Property(p => p.Source).HasMaxLength(200);
        b.HasOne<Partnership>().WithOne().HasForeignKey<LearnerPopulation>(p => p.PartnershipId);
    }
}
