using NodaTime;

namespace Safeguarding.Core.DomesticAbuse.Marac;

public enum MaracReferralStatus
{
    /// <summary>Referred, not yet on an agenda.</summary>
    Waiting,
    /// <summary>On the agenda of a coming MARAC.</summary>
    Listed,
    /// <summary>Discussed; actions may still be open.</summary>
    Heard,
    /// <summary>Every action done: the case is closed and its household flags end.</summary>
    Closed,
}

/// <summary>Which earlier MARAC referral makes a new one a repeat (a partnership setting).</summary>
public enum RepeatMaracRule
{
    /// <summary>Any referral of the same victim in the 12 months before.</summary>
    Victim,
    /// <summary>
    /// A referral of the same victim with the same person causing harm in the 12 months before (SafeLives' definition).
    /// Where either referral has no person causing harm recorded, the victim alone decides: a gap in the record never
    /// hides a repeat.
    /// </summary>
    VictimAndPersonCausingHarm,
}

/// <summary>A referral of a high-risk victim to MARAC, with which of the four criteria it met.</summary>
public sealed class MaracReferral
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid VictimPersonId { get; set; }
    public Guid? PersonCausingHarmPersonId { get; set; }
    public Guid? RiskAssessmentId { get; set; }
    public Guid? TriageDecisionId { get; set; }
    public Guid ReferredByOrganisationId { get; set; }
    public Guid? ReferredByUserId { get; set; }
    public Instant ReferredAt { get; set; }
    public LocalDate ReferralDate { get; set; }
    public int? YesCount { get; set; }
    public bool VisibleHighRisk { get; set; }
    public bool PotentialEscalation { get; set; }
    public bool RepeatMarac { get; set; }
    public bool ProfessionalJudgement { get; set; }
    /// <summary>Why the referrer (or the checklist's assessor) referred on professional judgement.</summary>
    public string? ProfessionalJudgementReason { get; set; }
    /// <summary>The earlier referral within 12 months that makes this a repeat (same victim, or same victim and person causing harm: <see cref="RepeatMaracRule"/>).</summary>
    public Guid? PreviousReferralId { get; set; }
    public MaracReferralStatus Status { get; set; }
    public Guid? MeetingId { get; set; }
    public Guid? AgendaItemId { get; set; }
    /// <summary>When the meeting that heard it (<see cref="MeetingId"/>) started; set when that meeting is recorded as held and reached the case.</summary>
    public Instant? HeardAt { get; set; }
    public Instant? ClosedAt { get; set; }
}
