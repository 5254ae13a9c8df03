using NodaTime;

namespace Safeguarding.Core.People;

public enum HeldLinkDecision
{
    /// <summary>The organisation's record is the child's: the records are merged and the link made.</summary>
    Linked,
    /// <summary>Not linked: the organisation's record stays on a person of its own.</summary>
    Refused,
}

/// <summary>
/// A link an incoming record would have made to a child who is already held elsewhere (on another setting's roll),
/// sealed, or protected (at MARAC): held for the council to decide, with the evidence. Until decided it opens nothing:
/// the record waits on a provisional person of its own (<see cref="ProvisionalPersonId"/>), and the child's
/// <see cref="Person.Links"/> do not name the organisation.
/// </summary>
public sealed class HeldLink
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    /// <summary>The child the record matched.</summary>
    public Guid PersonId { get; set; }
    /// <summary>The organisation the link would open the child to.</summary>
    public Guid OrganisationId { get; set; }
    public PersonLinkKind Kind { get; set; }
    /// <summary>The record that asked for the link.</summary>
    public Guid SourceRecordId { get; set; }
    /// <summary>The person the record waits on meanwhile: it holds only what the organisation sent.</summary>
    public Guid ProvisionalPersonId { get; set; }
    public double MatchProbability { get; set; }
    /// <summary>Why it was held: the settings that hold the child, the seal, MARAC.</summary>
    public required string HeldBecause { get; set; }
    /// <summary>The model's per-field evidence (JSON), as for a possible match.</summary>
    public required string Evidence { get; set; }
    public Instant HeldAt { get; set; }
    public HeldLinkDecision? Decision { get; set; }
    public string? DecisionReason { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public Instant? DecidedAt { get; set; }
}
