using NodaTime;

namespace Safeguarding.Core.DomesticAbuse.Checklists;

/// <summary>What a completed checklist is scored from. A missing or null answer is not "yes".</summary>
public sealed record RiskScoringInput(
    IReadOnlyDictionary<string, bool?> Answers,
    bool ProfessionalJudgement,
    LocalDate IncidentDate,
    IReadOnlyCollection<LocalDate> PreviousIncidentDates,
    LocalDate? LastMaracReferralDate,
    RiskThresholds Thresholds);

/// <summary>
/// The four MARAC criteria. Any one of them means a referral to MARAC and to an IDVA; professional judgement can
/// only add a referral, never take one away.
/// </summary>
public sealed record RiskResult(
    int YesCount,
    bool VisibleHighRisk,
    bool PotentialEscalation,
    bool RepeatMarac,
    bool ProfessionalJudgement)
{
    public bool Refer => VisibleHighRisk || PotentialEscalation || RepeatMarac || ProfessionalJudgement;
}

public static class RiskScoring
{
    /// <summary>A repeat MARAC is measured over 12 months whatever the partnership's escalation window.</summary>
    public const int RepeatWindowMonths = 12;

    public static RiskResult Score(RiskScoringInput input)
    {
        var yes = input.Answers.Count(a => a.Value == true);
        // The current incident is one of the incidents counted.
        var incidents = 1 + input.PreviousIncidentDates.Count(d => InWindow(d, input.IncidentDate, input.Thresholds.EscalationWindowMonths));
        var repeat = input.LastMaracReferralDate is { } last && InWindow(last, input.IncidentDate, RepeatWindowMonths);
        return new RiskResult(
            yes,
            VisibleHighRisk: yes >= input.Thresholds.VisibleHighRisk,
            PotentialEscalation: incidents >= input.Thresholds.EscalationCount,
            RepeatMarac: repeat,
            ProfessionalJudgement: input.ProfessionalJudgement);
    }

    /// <summary>
    /// Inside a window of N months: after the incident date less N calendar months (the day clipped to the end of a
    /// shorter month, so 31 August less 6 months is 28 or 29 February) and not after the incident date.
    /// </summary>
    public static bool InWindow(LocalDate date, LocalDate incidentDate, int months) =>
        date > incidentDate.PlusMonths(-months) && date <= incidentDate;
}
