using NodaTime;

namespace Safeguarding.Core.People;

/// <summary>How a source record came to belong to its person.</summary>
public enum LinkOutcome
{
    /// <summary>Matched above the partnership's upper threshold.</summary>
    LinkedAutomatically,
    /// <summary>Below the lower threshold: the record started a new person.</summary>
    NewPerson,
    /// <summary>Between the thresholds, or held by the twins and siblings guard: a practitioner decides.</summary>
    WaitingForReview,
    /// <summary>A practitioner decided in the review queue.</summary>
    LinkedByReview,
    /// <summary>Moved by a merge or an unmerge.</summary>
    LinkedManually,
    /// <summary>
    /// Matched a child another setting holds, or a sealed or protected child: the record waits on a person of its own
    /// while the council decides the link (<see cref="HeldLink"/>).
    /// </summary>
    HeldForCouncil,
}

/// <summary>
/// One agency's record of a person exactly as it was received (a pupil on a school roll, a child in a police
/// incident, a GP registration), keyed by the agency's own system and id, and linked to one person.
/// </summary>
public sealed class SourceRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid OrganisationId { get; set; }
    /// <summary>The sending system, e.g. "SIMS", "EMIS", "Niche", "Mosaic".</summary>
    public required string SourceSystem { get; set; }
    /// <summary>The record's id in that system.</summary>
    public required string LocalId { get; set; }
    public Instant ReceivedAt { get; set; }
    /// <summary>The record as received (JSON), kept unchanged.</summary>
    public required string Received { get; set; }

    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    /// <summary>YYYY-MM-DD with 00 for an unknown part, kept as written even when not a real date.</summary>
    public string? DateOfBirth { get; set; }
    public Sex Sex { get; set; }
    public string? Postcode { get; set; }
    public string? Address { get; set; }
    public string? NhsNumber { get; set; }
    public string? Upn { get; set; }

    public Guid? PersonId { get; set; }
    public LinkOutcome Outcome { get; set; }
    /// <summary>The match probability that decided the outcome, when there was a candidate.</summary>
    public double? MatchProbability { get; set; }
}

public enum ReviewDecision
{
    SamePerson,
    DifferentPeople,
    NotSure,
}

/// <summary>A possible match that a practitioner decides: the source record, the candidate, the evidence.</summary>
public sealed class MatchReview
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid SourceRecordId { get; set; }
    public Guid CandidatePersonId { get; set; }
    public double MatchProbability { get; set; }
    public double MatchWeight { get; set; }
    /// <summary>Why it was not decided automatically: between thresholds, or the twins and siblings guard.</summary>
    public required string HeldBecause { get; set; }
    /// <summary>Per-field evidence and weight (JSON), as the model explained the pair.</summary>
    public required string Evidence { get; set; }
    public Instant CreatedAt { get; set; }
    public ReviewDecision? Decision { get; set; }
    public string? DecisionReason { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public Instant? DecidedAt { get; set; }
}

/// <summary>A merge of two people into one, with what moved, so that it can be undone exactly.</summary>
public sealed class PersonMerge
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid KeptPersonId { get; set; }
    public Guid MergedPersonId { get; set; }
    /// <summary>Ids of the source records moved from the merged person to the kept one, comma-separated.</summary>
    public required string MovedSourceRecordIds { get; set; }
    public required string Reason { get; set; }
    public Guid ByUserId { get; set; }
    public Instant At { get; set; }
    public string? UndoReason { get; set; }
    public Guid? UndoneByUserId { get; set; }
    public Instant? UndoneAt { get; set; }
}

/// <summary>The partnership's linkage thresholds and trained model.</summary>
public sealed class LinkageSettings
{
    public const double DefaultUpper = 0.99;
    public const double DefaultLower = 0.80;

    public Guid PartnershipId { get; set; }
    /// <summary>At or above: link automatically.</summary>
    public double UpperThreshold { get; set; } = DefaultUpper;
    /// <summary>Below: a new person. Between the two: the review queue.</summary>
    public double LowerThreshold { get; set; } = DefaultLower;
    /// <summary>The trained Fellegi-Sunter model (JSON); null until trained.</summary>
    public string? ModelJson { get; set; }
    public Instant? ModelTrainedAt { get; set; }
}

public enum RelationshipKind
{
    HouseholdMember,
    Parent,
    Sibling,
}

/// <summary>A relationship between two people: the household, parents, siblings.</summary>
public sealed class PersonRelationship
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid PersonId { get; set; }
    public Guid RelatedPersonId { get; set; }
    /// <summary>What the related person is to this one: PersonId's parent, sibling or household member.</summary>
    public RelationshipKind Kind { get; set; }
}
