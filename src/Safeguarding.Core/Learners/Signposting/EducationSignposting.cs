using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Safeguarding.Core.People;

namespace Safeguarding.Core.Learners.Signposting;

public enum SignpostingKind
{
    /// <summary>A child of compulsory school age on no roll and not electively home educated: for the council's CME/NEET lead.</summary>
    PossibleCme,
    /// <summary>A young person of 16 to 18, over compulsory school age, naming no setting, job or training: for the CME/NEET lead.</summary>
    Neet,
    /// <summary>A child on a setting's roll who named another setting (or none): for that setting to reconcile.</summary>
    RollDifference,
}

public enum SignpostingStatus
{
    Open,
    /// <summary>The child was found on a setting's roll after all.</summary>
    FoundOnRoll,
    /// <summary>A children-missing-education case was opened.</summary>
    CmeCaseOpened,
    /// <summary>The young person was signposted to education, employment or training.</summary>
    Signposted,
    /// <summary>Closed with a note (for a roll difference: resolved by the setting otherwise, said in the note).</summary>
    Closed,
    /// <summary>A roll difference: the setting corrected its roll.</summary>
    RollUpdated,
    /// <summary>A roll difference: the child is not the setting's, and it referred them to the council as possibly missing education.</summary>
    ReferredToCme,
}

/// <summary>
/// What a young person said about their education, checked against the rolls and registers on receipt: a possible child
/// missing education, a NEET signposting entry, or a roll difference for the setting whose roll holds the child. It
/// holds no clinical detail and never says where the young person said it: <see cref="RaisedFrom"/> is an opaque id
/// (the record that raised it, so a corrected copy replaces what it raised) that no page shows.
/// </summary>
public sealed class EducationSignposting
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public SignpostingKind Kind { get; set; }
    public Guid PersonId { get; set; }
    /// <summary>For a roll difference, the setting whose roll holds the child; null for the council's own lists.</summary>
    public Guid? OwnerOrganisationId { get; set; }
    /// <summary>For a roll difference, the setting's own id for the pupil (the roll's row key), so it can find them without a name.</summary>
    public string? RollLocalId { get; set; }
    public Guid RaisedFrom { get; set; }
    /// <summary>The day the young person named their setting (London date).</summary>
    public LocalDate NamedOn { get; set; }
    /// <summary>The setting named, as given (a URN and/or a name); both null when they named none.</summary>
    public string? NamedSettingUrn { get; set; }
    public string? NamedSettingName { get; set; }
    /// <summary>For a NEET entry: the advice the young person was given, in the sender's words.</summary>
    public string? Advice { get; set; }
    public Instant RaisedAt { get; set; }
    public SignpostingStatus Status { get; set; }
    public string? Note { get; set; }
    public Guid? ActedByUserId { get; set; }
    public Instant? ActedAt { get; set; }
}

internal sealed class EducationSignpostingMapping : IEntityTypeConfiguration<EducationSignposting>
{
    public void Configure(EntityTypeBuilder<EducationSignposting> b)
    {
        b.ToTable("learners_education_signposting");
        b.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.RollLocalId).HasMaxLength(100);
        b.Property(s => s.NamedSettingUrn).HasMaxLength(8);
        b.Property(s => s.NamedSettingName).HasMaxLength(200);
        b.Property(s => s.Advice).HasMaxLength(2000);
        b.Property(s => s.Note).HasMaxLength(2000);
        b.HasIndex(s => new { s.PartnershipId, s.Kind, s.Status, s.RaisedAt });
        b.HasIndex(s => new { s.PartnershipId, s.RaisedFrom });
        b.HasIndex(s => new { s.PartnershipId, s.PersonId });
    }
}
