using NodaTime;
using Safeguarding.Core.DomesticAbuse.Checklists;

namespace Safeguarding.Core.Tests.DomesticAbuse;

public sealed class RiskScoringTests
{
    private static readonly LocalDate Incident = new(2026, 11, 1);

    private static Dictionary<string, bool?> Yes(int count, int of = 24) =>
        Enumerable.Range(1, of).ToDictionary(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture), i => (bool?)(i <= count));

    private static RiskResult Score(Dictionary<string, bool?>? answers = null, bool judgement = false, LocalDate? incident = null,
        LocalDate[]? previous = null, LocalDate? lastMarac = null, RiskThresholds? thresholds = null) =>
        RiskScoring.Score(new RiskScoringInput(answers ?? Yes(0), judgement, incident ?? Incident, previous ?? [], lastMarac, thresholds ?? RiskThresholds.Default));

    [Fact]
    public void Thirteen_yes_is_below_the_default_threshold_and_fourteen_reaches_it()
    {
        Assert.False(Score(Yes(13)).VisibleHighRisk);
        Assert.False(Score(Yes(13)).Refer);
        Assert.True(Score(Yes(14)).VisibleHighRisk);
        Assert.True(Score(Yes(14)).Refer);
        Assert.Equal(14, Score(Yes(14)).YesCount);
    }

    [Fact]
    public void A_partnership_threshold_of_17_needs_17_yes()
    {
        var seventeen = RiskThresholds.Default with { VisibleHighRisk = 17 };
        Assert.False(Score(Yes(16), thresholds: seventeen).VisibleHighRisk);
        Assert.True(Score(Yes(17), thresholds: seventeen).VisibleHighRisk);
    }

    [Fact]
    public void Unanswered_and_null_answers_are_not_yes()
    {
        var answers = Yes(14);
        answers["14"] = null;
        Assert.Equal(13, Score(answers).YesCount);
        answers.Remove("13");
        Assert.Equal(12, Score(answers).YesCount);
        Assert.False(Score(answers).VisibleHighRisk);
    }

    [Fact]
    public void The_current_incident_counts_so_two_earlier_incidents_in_twelve_months_is_escalation()
    {
        Assert.False(Score(previous: [new(2026, 5, 1)]).PotentialEscalation);
        Assert.True(Score(previous: [new(2026, 5, 1), new(2026, 9, 1)]).PotentialEscalation);
    }

    [Fact]
    public void An_incident_exactly_twelve_months_before_is_outside_the_window_and_the_day_after_is_inside()
    {
        Assert.False(Score(previous: [new(2025, 11, 1), new(2026, 9, 1)]).PotentialEscalation);
        Assert.True(Score(previous: [new(2025, 11, 2), new(2026, 9, 1)]).PotentialEscalation);
    }

    [Fact]
    public void An_incident_after_the_current_one_is_not_counted_but_one_on_the_same_day_is()
    {
        Assert.False(Score(previous: [new(2026, 11, 2), new(2026, 9, 1)]).PotentialEscalation);
        Assert.True(Score(previous: [new(2026, 11, 1), new(2026, 9, 1)]).PotentialEscalation);
    }

    [Fact]
    public void The_window_start_clips_to_the_end_of_a_shorter_month()
    {
        // 31 August 2026 less 6 months is 28 February 2026: that day is out, 1 March is in.
        var sixMonths = RiskThresholds.Default with { EscalationWindowMonths = 6 };
        var incident = new LocalDate(2026, 8, 31);
        Assert.False(Score(incident: incident, previous: [new(2026, 2, 28), new(2026, 7, 1)], thresholds: sixMonths).PotentialEscalation);
        Assert.True(Score(incident: incident, previous: [new(2026, 3, 1), new(2026, 7, 1)], thresholds: sixMonths).PotentialEscalation);
        // In a leap year the clipped day is 29 February.
        var leap = new LocalDate(2028, 8, 31);
        Assert.False(Score(incident: leap, previous: [new(2028, 2, 29), new(2028, 7, 1)], thresholds: sixMonths).PotentialEscalation);
        Assert.True(Score(incident: leap, previous: [new(2028, 3, 1), new(2028, 7, 1)], thresholds: sixMonths).PotentialEscalation);
    }

    [Fact]
    public void A_partnership_escalation_count_and_window_are_used()
    {
        var kent = new RiskThresholds(14, 3, 6);
        Assert.False(Score(previous: [new(2026, 4, 1), new(2026, 9, 1)], thresholds: kent).PotentialEscalation);
        Assert.True(Score(previous: [new(2026, 4, 1), new(2026, 9, 1)]).PotentialEscalation);
        var two = RiskThresholds.Default with { EscalationCount = 2 };
        Assert.True(Score(previous: [new(2026, 9, 1)], thresholds: two).PotentialEscalation);
        Assert.False(Score(thresholds: two).PotentialEscalation);
    }

    [Fact]
    public void A_marac_referral_within_twelve_months_makes_a_repeat_whatever_the_escalation_window()
    {
        var sixMonths = RiskThresholds.Default with { EscalationWindowMonths = 6 };
        Assert.True(Score(lastMarac: new(2025, 11, 2), thresholds: sixMonths).RepeatMarac);
        Assert.False(Score(lastMarac: new(2025, 11, 1)).RepeatMarac);
        Assert.True(Score(lastMarac: Incident).RepeatMarac);
        Assert.False(Score(lastMarac: null).RepeatMarac);
        Assert.True(Score(lastMarac: new(2026, 1, 1)).Refer);
    }

    [Fact]
    public void Professional_judgement_refers_below_the_threshold_and_never_lowers_a_result()
    {
        var below = Score(Yes(3), judgement: true);
        Assert.False(below.VisibleHighRisk);
        Assert.True(below.Refer);

        var high = Score(Yes(20), judgement: false);
        Assert.True(high.VisibleHighRisk);
        Assert.True(high.Refer);
        Assert.False(high.ProfessionalJudgement);
    }

    [Fact]
    public void No_criterion_means_no_referral()
    {
        var r = Score(Yes(13), previous: [new(2026, 1, 1)], lastMarac: new(2024, 1, 1));
        Assert.False(r.Refer);
    }
}
