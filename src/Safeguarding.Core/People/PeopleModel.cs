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

internal sealed class SourceRecordMapping : IEntityTypeConfiguration<SourceRecord>
{
    public void Configure(EntityTypeBuilder<SourceRecord> b)
    {
        b.ToTable("people_source_records");
        b.Property(r => r.SourceSystem).HasMaxLength(50);
        b.Property(r => r.LocalId).HasMaxLength(100);
        b.Property(r => r.GivenName).HasMaxLength(100);
        b.Property(r => r.FamilyName).HasMaxLength(100);
        b.Property(r => r.DateOfBirth).HasMaxLength(10);
        b.Property(r => r.Postcode).HasMaxLength(8);
        b.Property(r => r.Address).HasMaxLength(300);
        b.Property(r => r.NhsNumber).HasMaxLength(10);
        b.Property(r => r.Upn).HasMaxLength(13);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId);
        b.HasIndex(r => new { r.PartnershipId, r.OrganisationId, r.SourceSystem, r.LocalId }).IsUnique();
        b.HasIndex(r => r.PersonId);
        // Candidate lookups when a record arrives: identifiers, then name with birth date, then postcode. Every
        // branch of the look-up needs its index, or the whole table is read (the UPN had none).
        b.HasIndex(r => new { r.PartnershipId, r.NhsNumber });
        b.HasIndex(r => new { r.PartnershipId, r.Upn });
        b.HasIndex(r => new { r.PartnershipId, r.DateOfBirth });
        b.HasIndex(r => new { r.PartnershipId, r.FamilyName, r.DateOfBirth });
        b.HasIndex(r => new { r.PartnershipId, r.Postcode });
    }
}

internal sealed class MatchReviewMapping : IEntityTypeConfiguration<MatchReview>
{
    public void Configure(EntityTypeBuilder<MatchReview> b)
    {
        b.ToTable("people_match_reviews");
        b.Property(r => r.HeldBecause).HasMaxLength(200);
        b.Property(r => r.DecisionReason).HasMaxLength(2000);
        b.HasOne<SourceRecord>().WithMany().HasForeignKey(r => r.SourceRecordId);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.CandidatePersonId);
        b.HasIndex(r => new { r.PartnershipId, r.DecidedAt });
    }
}

internal sealed class HeldLinkMapping : IEntityTypeConfiguration<HeldLink>
{
    public void Configure(EntityTypeBuilder<HeldLink> b)
    {
        b.ToTable("people_held_links");
        b.Property(h => h.HeldBecause).HasMaxLength(500);
        b.Property(h => h.DecisionReason).HasMaxLength(2000);
        b.HasOne<Person>().WithMany().HasForeignKey(h => h.PersonId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(h => h.OrganisationId);
        b.HasOne<SourceRecord>().WithMany().HasForeignKey(h => h.SourceRecordId);
        b.HasIndex(h => new { h.PartnershipId, h.DecidedAt });
    }
}

internal sealed class PersonMergeMapping : IEntityTypeConfiguration<PersonMerge>
{
    public void Configure(EntityTypeBuilder<PersonMerge> b)
    {
        b.ToTable("people_merges");
        b.Property(m => m.Reason).HasMaxLength(2000);
        b.Property(m => m.UndoReason).HasMaxLength(2000);
        b.HasIndex(m => m.KeptPersonId);
        b.HasIndex(m => m.MergedPersonId);
    }
}

internal sealed class LinkageSettingsMapping : IEntityTypeConfiguration<LinkageSettings>
{
    public void Configure(EntityTypeBuilder<LinkageSettings> b)
    {
        b.ToTable("people_linkage_settings");
        b.HasKey(s => s.PartnershipId);
        b.HasOne<Partnership>().WithOne().HasForeignKey<LinkageSettings>(s => s.PartnershipId);
    }
}

internal sealed class PersonRelationshipMapping : IEntityTypeConfiguration<PersonRelationship>
{
    public void Configure(EntityTypeBuilder<PersonRelationship> b)
    {
        b.ToTable("people_relationships");
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.RelatedPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.PersonId, r.Kind });
    }
}
