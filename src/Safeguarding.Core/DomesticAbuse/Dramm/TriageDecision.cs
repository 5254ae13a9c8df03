using NodaTime;

namespace Safeguarding.Core.DomesticAbuse.Dramm;

public enum IdvaService
{
    None,
    Adult,
    /// <summary>The young people's IDVA, for victims aged 16 to 18.</summary>
    YoungPeople,
}

/// <summary>
/// The DRAMM's decision on one case: any of a safety plan now, a MARAC referral, an IDVA, a referral to children's
/// social work; or no further action, with the reason.
/// </summary>
public sealed class TriageDecision
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid? IncidentId { get; set; }
    public Guid? RiskAssessmentId { get; set; }
    public Guid? VictimPersonId { get; set; }
    /// <summary>The person causing harm, from the incident or the checklist, passed on to a MARAC referral.</summary>
    public Guid? PersonCausingHarmPersonId { get; set; }
    public LocalDate DecidedOn { get; set; }
    public Instant DecidedAt { get; set; }
    public Guid DecidedByOrganisationId { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public bool SafetyPlanNow { get; set; }
    public bool ReferToMarac { get; set; }
    /// <summary>The practitioner referred to MARAC on their own judgement (only when they chose it), with the reason.</summary>
    public bool ProfessionalJudgement { get; set; }
    public string? ProfessionalJudgementReason { get; set; }
    public IdvaService Idva { get; set; }
    public bool ReferToChildrensSocialWork { get; set; }
    /// <summary>The household's children are at risk of domestic abuse: they get a flag on their GP record.</summary>
    public bool ChildrenAtRisk { get; set; }
    public bool NoFurtherAction { get; set; }
    public string? NoFurtherActionReason { get; set; }
    public Guid? MaracReferralId { get; set; }
}

/// <summary>What is agreed to keep a victim safe, who does each part, and when it is looked at again.</summary>
public sealed class SafetyPlan
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public Guid VictimPersonId { get; set; }
    public Guid? TriageDecisionId { get; set; }
    public Guid? MaracReferralId { get; set; }
    public Guid AgreedByOrganisationId { get; set; }
    public LocalDate AgreedOn { get; set; }
    public Instant AgreedAt { get; set; }
    public LocalDate ReviewDate { get; set; }
    /// <summary>When the plan was last reviewed (the review date then moves on); null until its first review.</summary>
    public LocalDate? LastReviewedOn { get; set; }
    /// <summary>When the plan ended (London date), who ended it and why; null while it is open.</summary>
    public LocalDate? EndedOn { get; set; }
    public Instant? EndedAt { get; set; }
    public Guid? EndedByOrganisationId { get; set; }
    public string? EndReason { get; set; }
    public List<SafetyMeasure> Measures { get; set; } = [];
}

public sealed class SafetyMeasure
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SafetyPlanId { get; set; }
    public required string Measure { get; set; }
    /// <summary>The organisation that does it.</summary>
    public Guid ResponsibleOrganisationId { get; set; }
}
