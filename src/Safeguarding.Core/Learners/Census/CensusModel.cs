using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguarding.Core.Platform;

namespace Safeguarding.Core.Learners.Census;

// The January census headcounts, prefixed "learners_".

internal sealed class SchoolCensusMapping : IEntityTypeConfiguration<SchoolCensus>
{
    public void Configure(EntityTypeBuilder<SchoolCensus> b)
    {
        b.ToTable("learners_school_census");
        b.Property(c => c.Urn).HasMaxLength(8);
        b.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId);
        // One headcount per school per year: a file sent again updates it (or changes nothing).
        b.HasIndex(c => new { c.PartnershipId, c.AcademicYear, c.Urn }).IsUnique();
    }
}
