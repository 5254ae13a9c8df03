using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.People;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.DomesticAbuse;

/// <summary>
/// The MARAC rules at triage (DOMAIN.md, domestic abuse): a referral records the criteria that hold; professional
/// judgement only when chosen, with a reason; repeat MARAC by the partnership's rule; each checklist its own thresholds.
/// </summary>
public sealed class TriageRulesTests
{
    private static readonly LocalDate IncidentDay = new(2026, 11, 9);
    private static readonly Instant IncidentAt = Instant.FromUtc(2026, 11, 9, 20, 0);

    private static Dictionary<string, bool?> Yes(int count, int questions) =>
        Enumerable.Range(1, questions).ToDictionary(i => i.ToString(CultureInfo.InvariantCulture), i => (bool?)(i <= count));

    private static async Task<(RiskAssessment Assessment, RiskResult Result)> DashAsync(PathwayWorld w, string checklist, Person victim, Guid? incidentId, int yes)
    {
        await using var db = w.NewContext();
        var records = new RiskAssessmentRecords(db);
        var process = PathwayWorld.Process(w.Officer);
        var a = await records.StartAsync(new StartAssessment(checklist, AssessmentSetting.Police, victim.Id, w.Harmer.Id, incidentId, IncidentDay), process);
        await records.SaveAnswersAsync(new SaveAnswersOptions(a.Id, Yes(yes, ShippedChecklists.Get(checklist).Questions.Count)), process);
        return (a, await records.CompleteAsync(new CompleteAssessmentOptions(a.Id, false, null), process));
    }

    private static TriageOptions ReferToMarac(Guid incidentId, Guid? assessmentId, bool judgement = false, string? reason = null) =>
        new(incidentId, assessmentId, null, SafetyPlanNow: false, ReferToMarac: true, AllocateIdva: false, ReferToChildrensSocialWork: false,
            ChildrenAtRisk: false, NoFurtherAction: false, null, ProfessionalJudgement: judgement, ProfessionalJudgementReason: reason);

    private static async Task<Person> AnotherPersonAsync(PathwayWorld w, string given, LocalDate dob)
    {
        var person = new Person { PartnershipId = w.Partnership.Id, GivenName = given, FamilyName = "Testfamily", DateOfBirth = dob, CreatedAt = PathwayWorld.Now };
        await w.Data.SaveAsync(db => db.People.Add(person));
        return person;
    }

    private static Task SettingsAsync(PathwayWorld w, Action<DomesticAbuseSettings> change) =>
        w.Data.SaveAsync(db => change(db.DomesticAbuseSettings.Single(s => s.PartnershipId == w.Partnership.Id)));

    [Theory, BothDatabases]
    public async Task A_triage_referral_records_the_criteria_that_hold_and_is_not_professional_judgement_unless_chosen(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var incident = await w.IncidentAsync(IncidentAt, IncidentAt + Duration.FromHours(1));
        var (assessment, _) = await DashAsync(w, ChecklistDefinition.Adult, w.Victim, incident.Id, 15);
        await using var db = w.NewContext();

        var decision = await new DrammList(db).TriageAsync(ReferToMarac(incident.Id, assessment.Id), PathwayWorld.Process(w.FrontDoor));

        var referral = await db.MaracReferrals.AsNoTracking().SingleAsync();
        Assert.Equal((true, 15, false, false), (referral.VisibleHighRisk, referral.YesCount, referral.ProfessionalJudgement, referral.RepeatMarac));
        Assert.Null(referral.ProfessionalJudgementReason);
        Assert.False(decision.ProfessionalJudgement);
        Assert.Equal("MARAC referral: visible high risk (15 yes)", MaracReferrals.Criteria(referral));
    }

    [Theory, BothDatabases]
    public async Task A_referral_no_criterion_supports_is_refused_unless_professional_judgement_is_chosen_with_a_reason(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var incident = await w.IncidentAsync(IncidentAt, IncidentAt + Duration.FromHours(1));
        var (assessment, _) = await DashAsync(w, ChecklistDefinition.Adult, w.Victim, incident.Id, 5);
        await using var db = w.NewContext();
        var dramm = new DrammList(db);
        var process = PathwayWorld.Process(w.FrontDoor);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => dramm.TriageAsync(ReferToMarac(incident.Id, assessment.Id), process));
        Assert.Contains("No MARAC criterion holds", refused.Message);
        var noReason = await Assert.ThrowsAsync<ArgumentException>(() => dramm.TriageAsync(ReferToMarac(incident.Id, assessment.Id, judgement: true, reason: " "), process));
        Assert.Contains("Say why professional judgement", noReason.Message);
        Assert.False(await db.TriageDecisions.AnyAsync());
        Assert.False(await db.MaracReferrals.AnyAsync());

        var decision = await dramm.TriageAsync(ReferToMarac(incident.Id, assessment.Id, judgement: true, reason: " Escalating coercive control reported by the school. "), process);

        var referral = await db.MaracReferrals.AsNoTracking().SingleAsync();
        Assert.Equal((false, false, false, true), (referral.VisibleHighRisk, referral.PotentialEscalation, referral.RepeatMarac, referral.ProfessionalJudgement));
        Assert.Equal("Escalating coercive control reported by the school.", referral.ProfessionalJudgementReason);
        Assert.Equal((true, "Escalating coercive control reported by the school."), (decision.ProfessionalJudgement, decision.ProfessionalJudgementReason));
    }

    [Theory, BothDatabases]
    public async Task Without_a_checklist_potential_escalation_is_counted_from_the_victims_police_incidents(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await w.IncidentAsync(Instant.FromUtc(2026, 3, 1, 20, 0), Instant.FromUtc(2026, 3, 1, 21, 0));
        await w.IncidentAsync(Instant.FromUtc(2026, 8, 1, 20, 0), Instant.FromUtc(2026, 8, 1, 21, 0));
        var incident = await w.IncidentAsync(IncidentAt, IncidentAt + Duration.FromHours(1));
        await using var db = w.NewContext();

        await new DrammList(db).TriageAsync(ReferToMarac(incident.Id, null), PathwayWorld.Process(w.FrontDoor));

        var referral = await db.MaracReferrals.AsNoTracking().SingleAsync();
        Assert.Equal((false, true, false), (referral.VisibleHighRisk, referral.PotentialEscalation, referral.ProfessionalJudgement));
    }

    [Theory, BothDatabases]
    public async Task The_person_causing_harm_passes_from_the_incident_through_triage_into_the_referral(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var incident = await w.IncidentAsync(IncidentAt, IncidentAt + Duration.FromHours(1));
        await using var db = w.NewContext();

        var decision = await new DrammList(db).TriageAsync(ReferToMarac(incident.Id, null, judgement: true, reason: "Victim very frightened."), PathwayWorld.Process(w.FrontDoor));

        Assert.Equal(w.Harmer.Id, decision.PersonCausingHarmPersonId);
        Assert.Equal(w.Harmer.Id, (await db.MaracReferrals.AsNoTracking().SingleAsync()).PersonCausingHarmPersonId);
    }

    [Theory, BothDatabases]
    public async Task By_default_a_referral_of_the_same_victim_within_twelve_months_is_a_repeat_whoever_caused_harm(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var other = await AnotherPersonAsync(w, "Oscar", new LocalDate(1985, 1, 1));
        var incident = await w.IncidentAsync(IncidentAt, IncidentAt + Duration.FromHours(1));
        await using var db = w.NewContext();
        var process = PathwayWorld.Process(w.FrontDoor);
        var earlier = await new MaracReferrals(db).ReferAsync(new ReferToMarac(w.Victim.Id, other.Id, null, true, ReferralDate: new LocalDate(2026, 6, 1)), process);

        await new DrammList(db).TriageAsync(ReferToMarac(incident.Id, null), process);

        var repeat = await db.MaracReferrals.AsNoTracking().SingleAsync(r => r.Id != earlier.Id);
        Assert.Equal((true, earlier.Id, false), (repeat.RepeatMarac, repeat.PreviousReferralId, repeat.ProfessionalJudgement));
    }

    [Theory, BothDatabases]
    public async Task Under_the_victim_and_person_causing_harm_rule_a_repeat_needs_the_same_person_causing_harm(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await SettingsAsync(w, s => s.RepeatMaracRule = RepeatMaracRule.VictimAndPersonCausingHarm);
        var other = await AnotherPersonAsync(w, "Oscar", new LocalDate(1985, 1, 1));
        var incident = await w.IncidentAsync(IncidentAt, IncidentAt + Duration.FromHours(1));
        await using (var db = w.NewContext())
            await new MaracReferrals(db).ReferAsync(new ReferToMarac(w.Victim.Id, other.Id, null, true, ReferralDate: new LocalDate(2026, 6, 1)), PathwayWorld.Process(w.FrontDoor));

        // Another person caused harm then: the checklist's result and the referral's are not repeats.
        var (assessment, result) = await DashAsync(w, ChecklistDefinition.Adult, w.Victim, incident.Id, 5);
        Assert.False(result.RepeatMarac);
        await using (var db = w.NewContext())
        {
            var refused = await Assert.ThrowsAsync<ArgumentException>(() => new DrammList(db).TriageAsync(ReferToMarac(incident.Id, assessment.Id), PathwayWorld.Process(w.FrontDoor)));
            Assert.Contains("No MARAC criterion holds", refused.Message);
        }

        // The same person causing harm within 12 months: a repeat.
        Guid sameHarm;
        await using (var db = w.NewContext())
            sameHarm = (await new MaracReferrals(db).ReferAsync(new ReferToMarac(w.Victim.Id, w.Harmer.Id, null, true, ReferralDate: new LocalDate(2026, 7, 1)), PathwayWorld.Process(w.FrontDoor))).Id;
        await using (var db = w.NewContext())
        {
            var decision = await new DrammList(db).TriageAsync(ReferToMarac(incident.Id, assessment.Id), PathwayWorld.Process(w.FrontDoor));
            var repeat = await db.MaracReferrals.AsNoTracking().SingleAsync(r => r.Id == decision.MaracReferralId);
            Assert.Equal((true, sameHarm), (repeat.RepeatMarac, repeat.PreviousReferralId));
        }
    }

    [Theory, BothDatabases]
    public async Task Under_the_pair_rule_an_earlier_referral_with_no_person_causing_harm_recorded_still_makes_a_repeat(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await SettingsAsync(w, s => s.RepeatMaracRule = RepeatMaracRule.VictimAndPersonCausingHarm);
        var incident = await w.IncidentAsync(IncidentAt, IncidentAt + Duration.FromHours(1));
        await using var db = w.NewContext();
        var process = PathwayWorld.Process(w.FrontDoor);
        var earlier = await new MaracReferrals(db).ReferAsync(new ReferToMarac(w.Victim.Id, null, null, true, ReferralDate: new LocalDate(2026, 6, 1)), process);

        var decision = await new DrammList(db).TriageAsync(ReferToMarac(incident.Id, null), process);

        Assert.Equal(earlier.Id, (await db.MaracReferrals.AsNoTracking().SingleAsync(r => r.Id == decision.MaracReferralId)).PreviousReferralId);
    }

    [Theory, BothDatabases]
    public async Task The_young_peoples_checklist_is_scored_against_its_own_thresholds_and_the_adult_ones_against_theirs(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await SettingsAsync(w, s =>
        {
            (s.VisibleHighRisk, s.EscalationCount) = (17, 3);
            (s.YoungPeopleVisibleHighRisk, s.YoungPeopleEscalationCount, s.YoungPeopleEscalationWindowMonths) = (10, 2, 6);
        });
        var young = await AnotherPersonAsync(w, "Yasmin", new LocalDate(2010, 6, 1));
        await w.IncidentAsync(Instant.FromUtc(2026, 8, 1, 20, 0), Instant.FromUtc(2026, 8, 1, 21, 0), young);
        await w.IncidentAsync(Instant.FromUtc(2026, 8, 1, 20, 0), Instant.FromUtc(2026, 8, 1, 21, 0));

        var (_, youngResult) = await DashAsync(w, ChecklistDefinition.YoungPeople, young, null, 12);
        var (_, adultResult) = await DashAsync(w, ChecklistDefinition.Adult, w.Victim, null, 15);

        // 12 yes reaches the young people's 10; 2 incidents in 6 months reach their count of 2.
        Assert.Equal((true, true), (youngResult.VisibleHighRisk, youngResult.PotentialEscalation));
        // 15 yes is under the adults' 17; 2 incidents are under their 3.
        Assert.Equal((false, false), (adultResult.VisibleHighRisk, adultResult.PotentialEscalation));
    }
}
