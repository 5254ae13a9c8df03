using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Organisations;

namespace Safeguarding.Core.People;

// The People module's tables, all prefixed "people_".

internal sealed class PersonMapping : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("people_persons");
        b.Property(p => p.GivenName).HasMaxLength(100);
        b.Property(p => p.FamilyName).HasMaxLength(100);
        b.Property(p => p.NhsNumber).HasMaxLength(10);
        b.Property(p => p.Upn).HasMaxLength(13);
        b.HasOne<Partnership>().WithMany().HasForeignKey(p => p.PartnershipId);
        b.HasOne<Household>().WithMany().HasForeignKey(p => p.HouseholdId);
        b.HasMany(p => p.Links).WithOne().HasForeignKey(l => l.PersonId);
        b.HasIndex(p => new { p.PartnershipId, p.FamilyName, p.GivenName });
        b.HasIndex(p => new { p.PartnershipId, p.NhsNumber });
        b.Ignore(p => p.FullName);
    }
}

internal sealed class HouseholdMapping : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.ToTable("people_households");
        b.Property(h => h.Address).HasMaxLength(300);
        b.Property(h => h.Postcode).HasMaxLength(8);
        b.HasOne<Partnership>().WithMany().HasForeignKey(h => h.PartnershipId);
    }
}

internal sealed class PersonLinkMapping : IEntityTypeConfiguration<PersonLink>
{
    public void Configure(EntityTypeBuilder<PersonLink> b)
    {
        b.ToTable("people_person_links");
        b.HasOne<Organisation>().WithMany().HasForeignKey(l => l.OrganisationId);
        b.HasIndex(l => new { l.OrganisationId, l.Kind });
    }
}
