using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Checklists;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.DomesticAbuse;

/// <summary>
/// What triage sends on: children's social work accepts or declines a referral, with a reason, within one working day;
/// an IDVA allocation goes to the IDVA service (the young people's for victims aged 16 to 18), which accepts and names
/// one of its own workers; the referrer sees the outcome on the case. Each service sees only its own queue.
/// </summary>
public sealed class TriageReferralsTests
{
    private static readonly Instant IncidentAt = Instant.FromUtc(2026, 11, 9, 20, 0);

    private static TriageOptions Decide(Guid incidentId, bool idva = false, bool socialWork = false) =>
        new(incidentId, null, null, SafetyPlanNow: false, ReferToMarac: false, AllocateIdva: idva, ReferToChildrensSocialWork: socialWork,
            ChildrenAtRisk: false, NoFurtherAction: false, null);

    private static async Task<TriageDecision> TriageAsync(PathwayWorld w, TriageOptions options)
    {
        await using var db = w.NewContext();
        return await new DrammList(db).TriageAsync(options, PathwayWorld.Process(w.FrontDoor));
    }

    private static async Task<Organisation> IdvaServicesAsync(PathwayWorld w)
    {
        var young = await w.OrganisationAsync(OrganisationType.VoluntarySector, "Young people's IDVA service");
        await w.Data.SaveAsync(db =>
        {
            var settings = db.DomesticAbuseSettings.Single(s => s.PartnershipId == w.Partnership.Id);
            settings.IdvaOrganisationId = w.IdvaService.Id;
            settings.YoungPeoplesIdvaOrganisationId = young.Id;
        });
        return young;
    }

    [Theory, BothDatabases]
    public async Task Referring_to_childrens_social_work_makes_a_referral_due_in_one_working_day_that_social_work_accepts_and_the_referrer_sees(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var incident = await w.IncidentAsync(IncidentAt, IncidentAt + Duration.FromHours(1));

        var decision = await TriageAsync(w, Decide(incident.Id, socialWork: true));

        await using var db = w.NewContext();
        var referrals = new TriageReferrals(db);
        var queue = await referrals.QueueAsync(new TriageReferralQueueOptions(TriageReferralService.ChildrensSocialWork), PathwayWorld.Process(w.SocialWorker));
        var row = Assert.Single(queue.Items);
        Assert.Equal((1, decision.Id, incident.PoliceReference, w.Victim.FullName), (queue.Total, row.Referral.TriageDecisionId, row.PoliceReference, row.Victim));
        Assert.Equal(Instant.FromUtc(2026, 11, 11, 10, 0), row.Referral.DueAt); // decided Tuesday 10:00, due Wednesday 10:00
        Assert.True(row.Children >= 1);

        await referrals.AcceptAsync(new AcceptTriageReferral(row.Referral.Id), PathwayWorld.Process(w.SocialWorker));

        await using var db2 = w.NewContext();
        var seen = await new TriageCases(db2).OpenAsync(incident.Id, PathwayWorld.Process(w.FrontDoor));
        var outcome = Assert.Single(seen!.Referrals!);
        Assert.Equal((TriageReferralService.ChildrensSocialWork, TriageReferralStatus.Accepted), (outcome.Service, outcome.Status));
        Assert.Empty((await new TriageReferrals(db2).QueueAsync(new TriageReferralQueueOptions(TriageReferralService.ChildrensSocialWork), PathwayWorld.Process(w.SocialWorker))).Items);
    }

    [Theory, BothDatabases]
    public async Task Social_work_declines_only_with_a_reason_and_the_referrer_reads_it(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var incident = await w.IncidentAsync(IncidentAt, IncidentAt + Duration.FromHours(1));
        await TriageAsync(w, Decide(incident.Id, socialWork: true));
        await using var db = w.NewContext();
        var referrals = new TriageReferrals(db);
        var id = (await referrals.QueueAsync(new TriageReferralQueueOptions(TriageReferralService.ChildrensSocialWork), PathwayWorld.Process(w.SocialWorker))).Items[0].Referral.Id;

        await Assert.ThrowsAsync<ArgumentException>(() => referrals.DeclineAsync(new DeclineTriageReferral(id, " "), PathwayWorld.Process(w.SocialWorker)));
        await referrals.DeclineAsync(new DeclineTriageReferral(id, "Already open to the family's social worker."), PathwayWorld.Process(w.SocialWorker));

        await using var db2 = w.NewContext();
        var outcome = Assert.Single((await new TriageCases(db2).OpenAsync(incident.Id, PathwayWorld.Process(w.FrontDoor)))!.Referrals!);
        Assert.Equal((TriageReferralStatus.Declined, "Already open to the family's social worker."), (outcome.Status, outcome.DeclineReason));
        await Assert.ThrowsAsync<InvalidOperationException>(() => new TriageReferrals(db2).AcceptAsync(new AcceptTriageReferral(id), PathwayWorld.Process(w.SocialWorker)));
    }

    [Theory, BothDatabases]
    public async Task An_IDVA_allocation_goes_to_the_IDVA_service_which_accepts_naming_one_of_its_own_workers(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var young = await IdvaServicesAsync(w);
        var youngIdva = await w.UserAsync(young, Role.Idva);
        var incident = await w.IncidentAsync(IncidentAt, IncidentAt + Duration.FromHours(1));
        var colleague = await w.UserAsync(w.IdvaService, Role.Idva);

        await TriageAsync(w, Decide(incident.Id, idva: true));

        await using var db = w.NewContext();
        var referrals = new TriageReferrals(db);
        var idvaQueue = await referrals.QueueAsync(new TriageReferralQueueOptions(TriageReferralService.Idva), PathwayWorld.Process(w.Idva));
        var referral = Assert.Single(idvaQueue.Items).Referral;
        Assert.Equal((w.IdvaService.Id, (Instant?)null), (referral.ToOrganisationId, referral.DueAt));
        // Another IDVA service neither sees nor opens it; social work has no grant to the IDVA queue.
        Assert.Empty((await referrals.QueueAsync(new TriageReferralQueueOptions(TriageReferralService.Idva), PathwayWorld.Process(youngIdva))).Items);
        await Assert.ThrowsAsync<ForbiddenException>(() => referrals.OpenAsync(referral.Id, PathwayWorld.Process(youngIdva)));
        await Assert.ThrowsAsync<ForbiddenException>(() => referrals.QueueAsync(new TriageReferralQueueOptions(TriageReferralService.Idva), PathwayWorld.Process(w.SocialWorker)));

        var opened = await referrals.OpenAsync(referral.Id, PathwayWorld.Process(w.Idva));
        Assert.Equal(new[] { colleague.User.Id, w.Idva.User.Id }.Order(), opened!.Workers.Select(x => x.Id).Order());
        await Assert.ThrowsAsync<ArgumentException>(() => referrals.AcceptAsync(new AcceptTriageReferral(referral.Id), PathwayWorld.Process(w.Idva)));
        await Assert.ThrowsAsync<ArgumentException>(() => referrals.AcceptAsync(new AcceptTriageReferral(referral.Id, youngIdva.User.Id), PathwayWorld.Process(w.Idva)));
        await referrals.AcceptAsync(new AcceptTriageReferral(referral.Id, colleague.User.Id), PathwayWorld.Process(w.Idva));

        await using var db2 = w.NewContext();
        var outcome = Assert.Single((await new TriageCases(db2).OpenAsync(incident.Id, PathwayWorld.Process(w.FrontDoor)))!.Referrals!);
        Assert.Equal((TriageReferralStatus.Accepted, "IDVA service", colleague.User.DisplayName), (outcome.Status, outcome.ServiceName, outcome.Worker));
    }

    [Theory, BothDatabases]
    public async Task A_victim_aged_16_to_18_goes_to_the_young_peoples_IDVA_service(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var young = await IdvaServicesAsync(w);
        var teenager = new Person { PartnershipId = w.Partnership.Id, GivenName = "Tia", FamilyName = "Testfamily", DateOfBirth = new LocalDate(2009, 6, 1), CreatedAt = PathwayWorld.Now };
        await w.Data.SaveAsync(db => db.People.Add(teenager));
        var incident = await w.IncidentAsync(IncidentAt, IncidentAt + Duration.FromHours(1), teenager);

        await TriageAsync(w, Decide(incident.Id, idva: true));

        await using var db = w.NewContext();
        var referral = await db.Set<TriageReferral>().SingleAsync(r => r.IncidentId == incident.Id);
        Assert.Equal(young.Id, referral.ToOrganisationId);
    }

    [Theory, BothDatabases]
    public async Task Without_an_IDVA_service_set_an_allocation_is_refused_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await w.Data.SaveAsync(db => db.DomesticAbuseSettings.Single(s => s.PartnershipId == w.Partnership.Id).IdvaOrganisationId = null);
        var incident = await w.IncidentAsync(IncidentAt, IncidentAt + Duration.FromHours(1));

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => TriageAsync(w, Decide(incident.Id, idva: true, socialWork: true)));

        Assert.Contains("no IDVA service set", refused.Message);
        await using var db = w.NewContext();
        Assert.False(await db.TriageDecisions.AnyAsync(d => d.IncidentId == incident.Id));
        Assert.False(await db.Set<TriageReferral>().AnyAsync());
    }

    [Theory, BothDatabases]
    public async Task The_queue_pages_with_the_true_count_longest_waiting_first(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        for (var i = 0; i < 3; i++)
        {
            var incident = await w.IncidentAsync(IncidentAt, IncidentAt + Duration.FromHours(1));
            await TriageAsync(w, Decide(incident.Id, socialWork: true));
            w.Clock.AdvanceMinutes(1);
        }
        await using var db = w.NewContext();

        var second = await new TriageReferrals(db).QueueAsync(new TriageReferralQueueOptions(TriageReferralService.ChildrensSocialWork, Page: new PageOptions(2, 2)),
            PathwayWorld.Process(w.SocialWorker));

        Assert.Equal((3, 2, 2), (second.Total, second.Pages, second.Number));
        var last = Assert.Single(second.Items);
        Assert.Equal(await db.Set<TriageReferral>().MaxAsync(r => r.ReferredAt), last.Referral.ReferredAt);
    }

    [Theory, BothDatabases]
    public async Task Completing_a_checklist_refers_to_MARAC_only_when_the_assessor_refers_and_a_criterion_holds(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await using var db = w.NewContext();
        var records = new RiskAssessmentRecords(db);
        var process = PathwayWorld.Process(w.FrontDoor);
        var questions = ShippedChecklists.Get(ChecklistDefinition.Adult).Questions.Count;
        async Task<RiskAssessment> AnsweredAsync(int yes)
        {
            var a = await records.StartAsync(new StartAssessment(ChecklistDefinition.Adult, AssessmentSetting.Idva, w.Victim.Id, null, null, new LocalDate(2026, 11, 10)), process);
            await records.SaveAnswersAsync(new SaveAnswersOptions(a.Id, Enumerable.Range(1, questions).ToDictionary(i => i.ToString(CultureInfo.InvariantCulture), i => (bool?)(i <= yes))), process);
            return a;
        }
        var low = await AnsweredAsync(3);
        await Assert.ThrowsAsync<ArgumentException>(() => records.CompleteAsync(new CompleteAssessmentOptions(low.Id, false, null, ReferToMarac: true), process));
        var high = await AnsweredAsync(15);
        await records.CompleteAsync(new CompleteAssessmentOptions(high.Id, false, null), process);
        var referred = await AnsweredAsync(15);
        await records.CompleteAsync(new CompleteAssessmentOptions(referred.Id, false, null, ReferToMarac: true), process);

        Assert.False(await db.MaracReferrals.AnyAsync(r => r.RiskAssessmentId == low.Id || r.RiskAssessmentId == high.Id));
        var referral = await db.MaracReferrals.SingleAsync(r => r.RiskAssessmentId == referred.Id);
        Assert.Equal((true, false), (referral.VisibleHighRisk, referral.ProfessionalJudgement));
    }

    [Theory, BothDatabases]
    public async Task A_walk_in_checklist_is_only_about_someone_the_assessor_may_read(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await using var db = w.NewContext();
        var start = new StartAssessment(ChecklistDefinition.Adult, AssessmentSetting.Idva, w.Victim.Id, null, null, new LocalDate(2026, 11, 10));

        await Assert.ThrowsAsync<ForbiddenException>(() => new RiskAssessmentRecords(db).StartAsync(start, PathwayWorld.Process(w.Idva)));

        // The IDVA sends the index its own record of the person: it is now the IDVA service's person too.
        var arrival = await new PersonIndex(db).ReceiveAsync(new IncomingRecord(w.IdvaService.Id, "walk-in risk checklist", "walk-in-1", "{}",
            "Wanda", "Walkin", "1985-03-04", Sex.Female, null, null, null, null), PathwayWorld.Process(w.Idva));
        var assessment = await new RiskAssessmentRecords(db).StartAsync(start with { VictimPersonId = arrival.PersonId }, PathwayWorld.Process(w.Idva));
        Assert.Equal((arrival.PersonId, (Guid?)null), (assessment.VictimPersonId!.Value, assessment.IncidentId));
    }
}
