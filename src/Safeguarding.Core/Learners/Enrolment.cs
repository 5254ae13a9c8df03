using NodaTime;

namespace Safeguarding.Core.Learners;

/// <summary>
/// A pupil on a school's roll for one academic year, with the year's register marks. A pupil who moved school, or
/// is dual registered, has one enrolment at each school: the DfE counts each separately.
/// The marks are one byte per session (<see cref="Attendance.SessionCodes"/>), indexed by the year's weekdays
/// (<see cref="Attendance.AcademicYear"/>); trailing sessions with no mark are not stored (ADR-010).
/// </summary>
/// <remarks>
/// Not the same as a <see cref="Rolls.PupilRegistration"/>: that is a setting's current roll, from the roll it sends,
/// used to find a child's school today; this is a year's attendance row from the attendance files, used for the
/// attendance figures and a child's attendance. The remarks on <see cref="Rolls.PupilRegistration"/> say why they are two.
/// </remarks>
public sealed class Enrolment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    /// <summary>The year it starts in: 2024 is 2024/25.</summary>
    public int AcademicYear { get; set; }
    public required string Upn { get; set; }
    /// <summary>The school's unique reference number.</summary>
    public required string Urn { get; set; }
    /// <summary>The person in the person index, when a source record with this UPN exists.</summary>
    public Guid? PersonId { get; set; }
    public LocalDate DateOfBirth { get; set; }
    /// <summary>As the school census records it: F, M (or U when not known).</summary>
    public required string Sex { get; set; }
    /// <summary>N1, N2, R, 1-14, or X for a class not following the national curriculum.</summary>
    public required string YearGroup { get; set; }
    /// <summary>E (education, health and care plan), K (SEN support) or N (none).</summary>
    public required string SenProvision { get; set; }
    /// <summary>SPLD MLD SLD PMLD SEMH SLCN HI VI MSI PD ASD OTH NSA, when the pupil has SEN.</summary>
    public string? SenPrimaryNeed { get; set; }
    /// <summary>Eligible for free school meals.</summary>
    public bool Fsm { get; set; }
    public byte[] Sessions { get; set; } = [];
    public Instant UpdatedAt { get; set; }
}

/// <summary>A suspension (fixed-period exclusion) or a permanent exclusion.</summary>
public sealed class Suspension
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public int AcademicYear { get; set; }
    public required string Upn { get; set; }
    public required string Urn { get; set; }
    public Guid? PersonId { get; set; }
    public LocalDate StartDate { get; set; }
    /// <summary>Sessions lost (for a permanent exclusion, those before it took effect).</summary>
    public int Sessions { get; set; }
    public bool Permanent { get; set; }
    /// <summary>The DfE reason category as the school gave it.</summary>
    public required string Reason { get; set; }
    public Instant RecordedAt { get; set; }
}

/// <summary>A register mark replaced by a later one for the same session: kept so that the change can be explained.</summary>
public sealed class MarkChange
{
    public long Id { get; set; }
    public Guid PartnershipId { get; set; }
    public Guid EnrolmentId { get; set; }
    public LocalDate Date { get; set; }
    /// <summary>AM or PM.</summary>
    public required string Session { get; set; }
    public required string OldCode { get; set; }
    public required string NewCode { get; set; }
    /// <summary>The file and line the new mark came from.</summary>
    public required string Source { get; set; }
    public Instant ChangedAt { get; set; }
}
