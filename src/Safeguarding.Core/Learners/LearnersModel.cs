using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguarding.Core.Platform;

namespace Safeguarding.Core.Learners;

// Learners tables, prefixed "learners_". The session marks are a byte vector per enrolment per year (ADR-010):
// SQLite BLOB, PostgreSQL bytea.

internal sealed class EnrolmentMapping : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> b)
    {
        b.ToTable("learners_enrolments");
        b.Property(e => e.Upn).HasMaxLength(13);
        b.Property(e => e.Urn).HasMaxLength(8);
        b.Property(e => e.Sex).HasMaxLength(1);
        b.Property(e => e.YearGroup).HasMaxLength(2);
        b.Property(e => e.SenProvision).HasMaxLength(1);
        b.Property(e => e.SenPrimaryNeed).HasMaxLength(4);
        b.Property(e => e.Sessions).HasMaxLength(1024);
        b.HasOne<Partnership>().WithMany().HasForeignKey(e => e.PartnershipId);
        // One row per pupil per school per year: the import finds the row it updates by this key.
        b.HasIndex(e => new { e.PartnershipId, e.AcademicYear, e.Upn, e.Urn }).IsUnique();
        b.HasIndex(e => new { e.PartnershipId, e.AcademicYear, e.Urn });
        b.HasIndex(e => e.PersonId);
    }
}

internal sealed class SuspensionMapping : IEntityTypeConfiguration<Suspension>
{
    public void Configure(EntityTypeBuilder<Suspension> b)
    {
        b.ToTable("learners_suspensions");
        b.Property(s => s.Upn).HasMaxLength(13);
        b.Property(s => s.Urn).HasMaxLength(8);
        b.Property(s => s.Reason).HasMaxLength(200);
        b.HasOne<Partnership>().WithMany().HasForeignKey(s => s.PartnershipId);
        // A suspension is the same suspension when sent again: this key makes re-importing a file change nothing.
        b.HasIndex(s => new { s.PartnershipId, s.AcademicYear, s.Upn, s.Urn, s.StartDate, s.Permanent }).IsUnique();
        b.HasIndex(s => s.PersonId);
    }
}

internal sealed class MarkChangeMapping : IEntityTypeConfiguration<MarkChange>
{
    public void Configure(EntityTypeBuilder<MarkChange> b)
    {
        b.ToTable("learners_mark_changes");
        b.Property(c => c.Session).HasMaxLength(2);
        b.Property(c => c.OldCode).HasMaxLength(2);
        b.Property(c => c.NewCode).HasMaxLength(2);
        b.Property(c => c.Source).HasMaxLength(300);
        b.HasOne<Enrolment>().WithMany().HasForeignKey(c => c.EnrolmentId);
        b.HasIndex(c => new { c.EnrolmentId, c.Date });
    }
}
