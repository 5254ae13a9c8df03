using NodaTime;

namespace Safeguarding.Core.Learners.Registers;

public enum LearnerRegister
{
    /// <summary>Electively home educated: the parents educate the child otherwise than at school.</summary>
    ElectiveHomeEducation,
    /// <summary>A child of compulsory school age known to be missing education.</summary>
    ChildrenMissingEducation,
}

/// <summary>A child on one of the council's registers (EHE or CME), kept by the council's education lead.</summary>
public sealed class LearnerRegisterEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public LearnerRegister Register { get; set; }
    public Guid PersonId { get; set; }
    /// <summary>The council's record of the child in the person index.</summary>
    public Guid SourceRecordId { get; set; }
    public LocalDate From { get; set; }
    public LocalDate? To { get; set; }
    public Instant RecordedAt { get; set; }
    /// <summary>Why the child is on the register, as the council recorded it (from a register file; the form leaves it empty).</summary>
    public string? Reason { get; set; }
    /// <summary>The school the child was last on the roll of, when known.</summary>
    public string? LastSchoolUrn { get; set; }

    public bool IsOpenOn(LocalDate date) => From <= date && (To is null || To >= date);
}
