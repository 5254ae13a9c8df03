using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Calendars;

namespace Safeguarding.Core.SupportRegister;

/// <summary>
/// A child on (or suggested for) the Dynamic Support Register: an autistic child or a child with a learning disability
/// at risk of admission to a mental health hospital or of losing their placement. Suggested by any professional who
/// can see the child; on the register only once consent is recorded; off it again when consent is withdrawn, with what
/// was recorded kept. The rating's history is <see cref="SupportRating"/>, one row per change; the entry keeps the
/// latest rating and the referral clock so that the list filters and orders in the database.
/// </summary>
public sealed class SupportRegisterEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    /// <summary>The child, through the person index.</summary>
    public Guid PersonId { get; set; }
    public SupportRegisterStatus Status { get; set; }
    public SupportNeed Need { get; set; }
    /// <summary>The practitioner who leads for the child: reads and updates the entry.</summary>
    public Guid LeadPractitionerUserId { get; set; }
    public required string AgenciesInvolved { get; set; }
    public required string Placement { get; set; }
    public required string KeyRisks { get; set; }
    public required string ProtectiveFactors { get; set; }
    /// <summary>The keyworker's name, where one is allocated.</summary>
    public string? Keyworker { get; set; }
    public Guid SuggestedByOrganisationId { get; set; }
    public Guid? SuggestedByUserId { get; set; }
    public Instant SuggestedAt { get; set; }

    // Consent: who gave it, when, and what it covers. Kept after withdrawal, for audit.
    public ConsentGiver? ConsentGivenBy { get; set; }
    /// <summary>The name of the young person or of the person with parental responsibility who consented.</summary>
    public string? ConsentGiverName { get; set; }
    public LocalDate? ConsentGivenOn { get; set; }
    public bool SharesWithEducation { get; set; }
    public bool SharesWithGp { get; set; }
    public Instant? ConsentRecordedAt { get; set; }
    public Guid? ConsentRecordedByUserId { get; set; }
    public LocalDate? ConsentWithdrawnOn { get; set; }
    public Instant? WithdrawalRecordedAt { get; set; }
    public Guid? WithdrawalRecordedByUserId { get; set; }

    /// <summary>The latest rating (its history is in <see cref="SupportRating"/>); null until first rated.</summary>
    public SupportRatingLevel? CurrentRating { get; set; }
    /// <summary>When the rating went red (kept while it stays red): a C(E)TR referral is due from then.</summary>
    public Instant? RedSince { get; set; }
    /// <summary>The last day the C(E)TR referral is due by (London), the partnership's working days after <see cref="RedSince"/>.</summary>
    public LocalDate? ReferralDue { get; set; }
    /// <summary>The referral due date that was escalated to the unit when overdue (once per clock; SupportRegister/CetrEscalation).</summary>
    public LocalDate? ReferralEscalatedDue { get; set; }
}

public enum SupportRegisterStatus
{
    /// <summary>Suggested, waiting for consent: not on the register and shared with no one.</summary>
    Suggested,
    OnRegister,
    /// <summary>Consent withdrawn: off the register, kept for audit, shared with no one.</summary>
    ConsentWithdrawn,
}

/// <summary>The diagnoses or needs that bring a child to the register.</summary>
public enum SupportNeed
{
    LearningDisability,
    Autism,
    LearningDisabilityAndAutism,
    AwaitingAssessment,
}

public enum ConsentGiver
{
    YoungPerson,
    /// <summary>A person with parental responsibility, as the child's age and capacity require.</summary>
    ParentalResponsibility,
}

/// <summary>The register's ratings (NHS England's DSR guidance).</summary>
public enum SupportRatingLevel
{
    /// <summary>In a mental health hospital.</summary>
    Blue,
    /// <summary>Immediate risk of admission, in crisis, needs not met in the community.</summary>
    Red,
    /// <summary>At risk of admission without very quick help.</summary>
    Amber,
    /// <summary>Some risk, well managed now.</summary>
    Green,
}

/// <summary>One rating given to an entry: who, when, why and the evidence. Never changed once written.</summary>
public sealed class SupportRating
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid EntryId { get; set; }
    public SupportRatingLevel Rating { get; set; }
    public required string Why { get; set; }
    public required string Evidence { get; set; }
    public Instant RatedAt { get; set; }
    public Guid? RatedByUserId { get; set; }
    public Guid RatedByOrganisationId { get; set; }
}

/// <summary>The partnership's register settings: the working days a red entry may wait for its C(E)TR referral before it is overdue, which ratings
/// qualify for a keyworker referral, and how often the register is reviewed.</summary>
public sealed class SupportRegisterSettings
{
    /// <summary>A local number (NHS England sets none): a working week.</summary>
    public const int DefaultReferralWorkingDays = 5;

    public Guid PartnershipId { get; set; }
    public int ReferralWorkingDays { get; set; } = DefaultReferralWorkingDays;
    /// <summary>The ratings whose children are referred to a keyworker service (the national commitment: red and amber).</summary>
    public List<SupportRatingLevel> KeyworkerRatings { get; set; } = [SupportRatingLevel.Red, SupportRatingLevel.Amber];
    /// <summary>How often the register is reviewed (NHS England leaves it local; monthly is common).</summary>
    public Meetings.Cadence ReviewCadence { get; set; } = Meetings.Cadence.Monthly;
    public Instant? ChangedAt { get; set; }
    public Guid? ChangedByUserId { get; set; }
}

/// <summary>The C(E)TR referral's due date: working days (Monday to Friday, bank holidays in England and Wales not counted) after the London day the rating went red.</summary>
public static class ReferralClock
{
    public static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    public static LocalDate Due(Instant redSince, int workingDays) => WorkingDays.Add(redSince.InZone(London).Date, workingDays);
}

internal sealed class SupportRegisterEntryMapping : IEntityTypeConfiguration<SupportRegisterEntry>
{
    public void Configure(EntityTypeBuilder<SupportRegisterEntry> b)
    {
        b.ToTable("support_register_entries");
        b.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId);
        b.Property(e => e.AgenciesInvolved).HasMaxLength(1000);
        b.Property(e => e.Placement).HasMaxLength(1000);
        b.Property(e => e.KeyRisks).HasMaxLength(4000);
        b.Property(e => e.ProtectiveFactors).HasMaxLength(4000);
        b.Property(e => e.Keyworker).HasMaxLength(150);
        b.Property(e => e.ConsentGiverName).HasMaxLength(150);
        b.HasIndex(e => new { e.PartnershipId, e.PersonId });
        // The register list: by status and rating, referral due first.
        b.HasIndex(e => new { e.PartnershipId, e.Status, e.CurrentRating, e.ReferralDue });
        b.HasIndex(e => e.LeadPractitionerUserId);
    }
}

internal sealed class SupportRatingMapping : IEntityTypeConfiguration<SupportRating>
{
    public void Configure(EntityTypeBuilder<SupportRating> b)
    {
        b.ToTable("support_register_ratings");
        b.HasOne<SupportRegisterEntry>().WithMany().HasForeignKey(r => r.EntryId);
        b.Property(r => r.Why).HasMaxLength(2000);
        b.Property(r => r.Evidence).HasMaxLength(4000);
        b.HasIndex(r => new { r.EntryId, r.RatedAt });
    }
}

internal sealed class SupportRegisterSettingsMapping : IEntityTypeConfiguration<SupportRegisterSettings>
{
    public void Configure(EntityTypeBuilder<SupportRegisterSettings> b)
    {
        b.ToTable("support_register_settings");
        b.HasKey(s => s.PartnershipId);
    }
}
