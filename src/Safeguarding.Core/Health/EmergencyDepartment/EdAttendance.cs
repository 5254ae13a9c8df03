using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Safeguarding.Core.People;

namespace Safeguarding.Core.Health.EmergencyDepartment;

/// <summary>How the injury was caused, read from the Emergency Care Data Set's injury mechanism (SNOMED CT).</summary>
public enum InjuryMechanism
{
    /// <summary>No injury recorded (an illness, or the field not sent).</summary>
    None,
    KnifeOrSharpObject,
    Firearm,
    Other,
}

/// <summary>
/// One attendance at a hospital's emergency department by a person under 26, as the hospital's system sent it. The
/// Emergency Care Data Set fields that matter here are kept as the SNOMED CT codes sent, and read once on receipt into
/// the few facts the pathways count (an assault, its mechanism, an admission), so that Project Shield's list and
/// figures never reinterpret codes. Health's record: the school sees nothing of it.
/// </summary>
public sealed class EdAttendance
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    /// <summary>The hospital trust that sent it; its attendance reference is unique within the trust.</summary>
    public Guid HospitalOrganisationId { get; set; }
    public required string AttendanceReference { get; set; }
    /// <summary>The person, through the person index.</summary>
    public Guid PersonId { get; set; }
    public Instant ArrivedAt { get; set; }
    /// <summary>Age in whole years on the day of arrival (from the date of birth sent), for the under-25 and school-age rules.</summary>
    public int AgeAtArrival { get; set; }

    // The Emergency Care Data Set fields, as the SNOMED CT codes sent.
    public string? ChiefComplaintCode { get; set; }
    public string? InjuryIntentCode { get; set; }
    public string? InjuryMechanismCode { get; set; }
    public string? DischargeDestinationCode { get; set; }

    // What those codes mean for the pathways, read on receipt.
    /// <summary>The injury intent was an assault.</summary>
    public bool Assault { get; set; }
    public InjuryMechanism Mechanism { get; set; }
    /// <summary>The discharge destination was an admission to a hospital bed.</summary>
    public bool Admitted { get; set; }

    /// <summary>An assault with a knife or sharp object: what Project Shield's list and its first aim count.</summary>
    public bool KnifeAssault => Assault && Mechanism == InjuryMechanism.KnifeOrSharpObject;

    /// <summary>When the latest version was received; the attendance itself is in <see cref="Received"/>.</summary>
    public Instant ReceivedAt { get; set; }
    /// <summary>The attendance exactly as sent (JSON, or the CSV header and row).</summary>
    public required string Received { get; set; }
    /// <summary>The attendance's facts in a fixed form: the same attendance sent twice changes nothing.</summary>
    public required string Fingerprint { get; set; }
}

internal sealed class EdAttendanceMapping : IEntityTypeConfiguration<EdAttendance>
{
    public void Configure(EntityTypeBuilder<EdAttendance> b)
    {
        b.ToTable("health_ed_attendances");
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId);
        b.Property(a => a.AttendanceReference).HasMaxLength(64);
        b.Property(a => a.ChiefComplaintCode).HasMaxLength(18);
        b.Property(a => a.InjuryIntentCode).HasMaxLength(18);
        b.Property(a => a.InjuryMechanismCode).HasMaxLength(18);
        b.Property(a => a.DischargeDestinationCode).HasMaxLength(18);
        b.Property(a => a.Mechanism).HasConversion<string>().HasMaxLength(24);
        b.Property(a => a.Fingerprint).HasMaxLength(64);
        b.Ignore(a => a.KnifeAssault);
        b.HasIndex(a => new { a.PartnershipId, a.HospitalOrganisationId, a.AttendanceReference }).IsUnique();
        b.HasIndex(a => new { a.PartnershipId, a.ArrivedAt });
        b.HasIndex(a => new { a.PartnershipId, a.PersonId });
    }
}
