using NodaTime;

namespace Safeguarding.Core.Learners.Rolls;

/// <summary>
/// A child on a school's or college's roll, from the roll the setting sent (CSV or the DfE Common Transfer File).
/// A dual-registered pupil has a registration at each school.
/// </summary>
/// <remarks>
/// Why this is not an <see cref="Enrolment"/>, though both describe a pupil on a roll: a registration is the setting's
/// roll as it stands now, used to find which school or college a child is at today (Operation Encompass, EHE/CME).
/// It is keyed by the setting's own id for the pupil (<see cref="LocalId"/>, not always a UPN: colleges and CSV rolls
/// send their own), always belongs to a person in the person index (the roll's rows are the setting's source records),
/// has no academic year and dates when the pupil joined and left. An enrolment is one year's attendance row, keyed by
/// (year, UPN, URN), loaded from the attendance files with the year's marks and the census characteristics, and linked
/// to a person only when one has that UPN. Merging them would need a key both do not have (an enrolment has no setting's
/// id, a registration has no year) and would drop one side's rows, so they stay two.
/// </remarks>
public sealed class PupilRegistration
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    /// <summary>The school or college.</summary>
    public Guid OrganisationId { get; set; }
    /// <summary>The person in the person index the pupil's record was linked to.</summary>
    public Guid PersonId { get; set; }
    /// <summary>The pupil's record in the person index, as the setting sent it.</summary>
    public Guid SourceRecordId { get; set; }
    /// <summary>The setting's own id for the pupil (the roll's row key; a UPN in a CTF).</summary>
    public required string LocalId { get; set; }
    public LocalDate? StartedOn { get; set; }
    public LocalDate? LeftOn { get; set; }
    /// <summary>The DfE enrolment status: C (single), M (main, dual), S (subsidiary, dual), G (guest).</summary>
    public string? EnrolStatus { get; set; }
    /// <summary>When the setting's latest roll last listed this pupil.</summary>
    public Instant LastListedAt { get; set; }

    public bool IsOnRollOn(LocalDate date) => (StartedOn is null || StartedOn <= date) && (LeftOn is null || LeftOn >= date);
}
