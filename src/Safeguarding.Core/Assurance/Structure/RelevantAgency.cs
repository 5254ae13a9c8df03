using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Safeguarding.Core.Assurance.Structure;

/// <summary>
/// An organisation the three safeguarding partners name as a relevant agency (Working Together 2023: the schools, health
/// providers, voluntary bodies and others they require to work with them), and the day they named it. The partners
/// themselves are not relevant agencies.
/// </summary>
public sealed class RelevantAgency
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid OrganisationId { get; set; }
    public LocalDate NamedOn { get; set; }
}

internal sealed class RelevantAgencyMapping : IEntityTypeConfiguration<RelevantAgency>
{
    public void Configure(EntityTypeBuilder<RelevantAgency> b)
    {
        b.ToTable("assurance_relevant_agencies");
        b.HasOne<Platform.Organisations.Organisation>().WithMany().HasForeignKey(a => a.OrganisationId);
        b.HasIndex(a => new { a.PartnershipId, a.OrganisationId }).IsUnique();
    }
}
