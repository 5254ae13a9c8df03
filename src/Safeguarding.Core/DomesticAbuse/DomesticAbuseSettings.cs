using NodaTime;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.Marac;

namespace Safeguarding.Core.DomesticAbuse;

/// <summary>
/// A partnership's own numbers for the domestic-abuse pathway. Defaults are the published ones; a change is an
/// audited write like any other, so who changed what and when is on the audit trail.
/// </summary>
public sealed class DomesticAbuseSettings
{
    public Guid PartnershipId { get; set; }
    /// <summary>"Yes" answers at or above which risk is visibly high (14; some areas use 17).</summary>
    public int VisibleHighRisk { get; set; } = 14;
    /// <summary>Incidents, the current one included, that make potential escalation (3).</summary>
    public int EscalationCount { get; set; } = 3;
    /// <summary>Months the escalation count is taken over (12; Kent uses 6).</summary>
    public int EscalationWindowMonths { get; set; } = 12;
    /// <summary>The young people's checklist's own threshold: the adult numbers never apply to it.</summary>
    public int YoungPeopleVisibleHighRisk { get; set; } = 14;
    public int YoungPeopleEscalationCount { get; set; } = 3;
    public int YoungPeopleEscalationWindowMonths { get; set; } = 12;
    /// <summary>Which earlier referral makes a repeat MARAC: the same victim (the default), or the same victim and person causing harm.</summary>
    public RepeatMaracRule RepeatMaracRule { get; set; } = RepeatMaracRule.Victim;
    /// <summary>Women aged 16 and over in the area, for the expected MARAC volume (40 per 10,000).</summary>
    public int? WomenAged16Plus { get; set; }
    /// <summary>When the DRAMM list is drawn each working day (Europe/London).</summary>
    public LocalTime DrammListTime { get; set; } = new(9, 0);
    public Guid? IdvaOrganisationId { get; set; }
    /// <summary>The young people's IDVA service, for victims aged 16 to 18.</summary>
    public Guid? YoungPeoplesIdvaOrganisationId { get; set; }
    /// <summary>Who a clinician reading a flag should call.</summary>
    public Guid? FlagContactOrganisationId { get; set; }
    public string? FlagContactTelephone { get; set; }
    /// <summary>Months an ended flag is still returned to health after it ended (12, as CP-IS does for the last 12 months), then no more.</summary>
    public int EndedFlagMonths { get; set; } = 12;

    /// <summary>The adult checklist's numbers.</summary>
    public RiskThresholds Thresholds => new(VisibleHighRisk, EscalationCount, EscalationWindowMonths);

    public RiskThresholds YoungPeopleThresholds => new(YoungPeopleVisibleHighRisk, YoungPeopleEscalationCount, YoungPeopleEscalationWindowMonths);

    /// <summary>The partnership's numbers for a checklist; null for a checklist it has no setting for (its definition's own numbers apply).</summary>
    public RiskThresholds? ThresholdsFor(string checklistCode) => checklistCode switch
    {
        ChecklistDefinition.Adult => Thresholds,
        ChecklistDefinition.YoungPeople => YoungPeopleThresholds,
        _ => null,
    };
}
