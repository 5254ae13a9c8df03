using NodaTime;

namespace Safeguarding.Core.DomesticAbuse.RiskAssessments;

public enum AssessmentStatus
{
    /// <summary>Saved part-way: the practitioner can return to it.</summary>
    Draft,
    Completed,
}

/// <summary>Where the checklist was completed, which changes who reads it first.</summary>
public enum AssessmentSetting
{
    Police,
    EmergencyDepartment,
    Idva,
    SocialWork,
}

/// <summary>
/// A completed (or part-completed) risk checklist for one victim, with the version of the checklist used and the
/// result as scored when it was completed. Answers are kept as JSON (question key to true, false or null).
/// </summary>
public sealed class RiskAssessment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnershipId { get; set; }
    public required string ChecklistCode { get; set; }
    public int ChecklistVersion { get; set; }
    public AssessmentSetting Setting { get; set; }
    public Guid? VictimPersonId { get; set; }
    public Guid? PersonCausingHarmPersonId { get; set; }
    /// <summary>The police incident it follows, when there was one.</summary>
    public Guid? IncidentId { get; set; }
    public Guid AssessedByOrganisationId { get; set; }
    public Guid? AssessedByUserId { get; set; }
    public LocalDate IncidentDate { get; set; }
    public string Answers { get; set; } = "{}";
    public bool ProfessionalJudgement { get; set; }
    public string? ProfessionalJudgementReason { get; set; }
    public AssessmentStatus Status { get; set; }
    public Instant StartedAt { get; set; }
    public Instant? CompletedAt { get; set; }
    public int? YesCount { get; set; }
    public bool VisibleHighRisk { get; set; }
    public bool PotentialEscalation { get; set; }
    public bool RepeatMarac { get; set; }
    public bool Refer { get; set; }
    public List<AssessmentChild> Children { get; set; } = [];
}

/// <summary>A child in the victim's household, linked through the person index, with their own voice recorded.</summary>
public sealed class AssessmentChild
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; set; }
    public Guid PersonId { get; set; }
    public bool? FeelsSafeAtHome { get; set; }
    public string? WhatMakesThemHappy { get; set; }
    public string? WhatMakesThemSad { get; set; }
    public string? AnythingWeCanHelpWith { get; set; }
}
