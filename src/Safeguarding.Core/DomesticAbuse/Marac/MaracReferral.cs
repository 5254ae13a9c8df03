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
    /// <summary>The referral for the same victim in the 12 months before, when this is a repeat.</summary>
    public Guid? PreviousReferralId { get; set; }
    public MaracReferralStatus Status { get; set; }
    public Guid? MeetingId { get; set; }
    public Guid? AgendaItemId { get; set; }
    public Instant? ClosedAt { get; set; }
}
