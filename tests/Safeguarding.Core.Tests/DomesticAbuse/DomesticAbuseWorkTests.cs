using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.DomesticAbuse.RiskAssessments;
using Safeguarding.Core.Platform;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.DomesticAbuse;

/// <summary>The home page's counts of the pathway's work are true: they agree with the lists they open, and with the role's scope.</summary>
public sealed class DomesticAbuseWorkTests
{
    private static readonly LocalDate Tuesday = new(2026, 11, 10);

    [Theory, BothDatabases]
    public async Task Cases_to_triage_are_the_DRAMM_lists_own_total_of_cases_to_decide_decided_undecided_and_re_versioned(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var decided = await w.IncidentAsync(Instant.FromUtc(2026, 11, 9, 20, 0), Instant.FromUtc(2026, 11, 9, 21, 0));
        var corrected = await w.IncidentAsync(Instant.FromUtc(2026, 11, 9, 20, 0), Instant.FromUtc(2026, 11, 9, 21, 1));
        await w.IncidentAsync(Instant.FromUtc(2026, 11, 9, 20, 0), Instant.FromUtc(2026, 11, 9, 21, 2));
        var twice = await w.IncidentAsync(Instant.FromUtc(2026, 11, 9, 20, 0), Instant.FromUtc(2026, 11, 9, 21, 3));
        DomesticIncident Version2(DomesticIncident first, Instant receivedAt) => new()
        {
            PartnershipId = w.PartnershipId, ForceOrganisationId = w.Police.Id, PoliceReference = first.PoliceReference, Version = 2,
            OccurredAt = first.OccurredAt, ReportedAt = first.ReportedAt, ReceivedAt = receivedAt, Received = "{}",
        };
        await w.Data.SaveAsync(db =>
        {
            // Decided on their first version; one of them then corrected by the police, whose new version is on the list.
            foreach (var incident in new[] { decided, corrected })
                db.TriageDecisions.Add(new TriageDecision
                {
                    PartnershipId = w.PartnershipId, IncidentId = incident.Id, VictimPersonId = w.Victim.Id, DecidedOn = new LocalDate(2026, 11, 9),
                    DecidedAt = Instant.FromUtc(2026, 11, 9, 21, 30), DecidedByOrganisationId = w.Council.Id, NoFurtherAction = true, NoFurtherActionReason = "test",
                });
            // Corrected twice within the window, undecided: still one case.
            foreach (var incident in new[] { corrected, twice })
                db.DomesticIncidents.Single(i => i.Id == incident.Id).IsLatest = false;
            db.DomesticIncidents.AddRange(Version2(corrected, Instant.FromUtc(2026, 11, 9, 22, 0)), Version2(twice, Instant.FromUtc(2026, 11, 9, 22, 1)));
            // A checklist completed without a police incident (a walk-in) is a case of its own.
            db.RiskAssessments.Add(new RiskAssessment
            {
                PartnershipId = w.PartnershipId, ChecklistCode = "dash-adult", ChecklistVersion = 1, VictimPersonId = w.Victim.Id, AssessedByOrganisationId = w.IdvaService.Id,
                IncidentDate = new LocalDate(2026, 11, 9), Status = AssessmentStatus.Completed, StartedAt = Instant.FromUtc(2026, 11, 9, 15, 0),
                CompletedAt = Instant.FromUtc(2026, 11, 9, 16, 0), YesCount = 3,
            });
        });

        await using var db = w.NewContext();
        var counts = await new DomesticAbuseWork(db).CountAsync(PathwayWorld.Process(w.FrontDoor), TestContext.Current.CancellationToken);
        var dramm = new DrammList(db);
        var all = await dramm.ForDayAsync(new DrammDayOptions(Tuesday), PathwayWorld.Process(w.FrontDoor), TestContext.Current.CancellationToken);
        var toDecide = await dramm.ForDayAsync(new DrammDayOptions(Tuesday, Decided: false), PathwayWorld.Process(w.FrontDoor), TestContext.Current.CancellationToken);
        var byRisk = await dramm.ForDayAsync(new DrammDayOptions(Tuesday, Sort: DrammSort.Risk, Decided: false), PathwayWorld.Process(w.FrontDoor), TestContext.Current.CancellationToken);

        Assert.Equal(5, all.Total);
        // Decisions belong to the incident: the case corrected after its decision stays decided (the list tags it "changed
        // since decided"), like the one decided; the two undecided incidents and the walk-in are to decide.
        Assert.Equal(3, toDecide.Total);
        Assert.Equal(toDecide.Total, byRisk.Total);
        Assert.Equal(toDecide.Total, counts.CasesToTriage!.Waiting);
    }

    [Theory, BothDatabases]
    public async Task Safety_plans_due_for_review_are_counted_for_those_who_review_them_with_the_overdue_ones(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var today = new LocalDate(2026, 11, 10);
        SafetyPlan Plan(Guid agreedBy, LocalDate review, bool ended = false) => new()
        {
            PartnershipId = w.PartnershipId, VictimPersonId = w.Victim.Id, AgreedByOrganisationId = agreedBy, AgreedOn = today.PlusDays(-30),
            AgreedAt = PathwayWorld.Now - Duration.FromDays(30), ReviewDate = review, EndedOn = ended ? today.PlusDays(-1) : null, EndReason = ended ? "Moved away" : null,
            Measures = [new SafetyMeasure { Measure = "Panic alarm fitted", ResponsibleOrganisationId = w.Police.Id }],
        };
        await w.Data.SaveAsync(db => db.SafetyPlans.AddRange(
            Plan(w.Council.Id, today.PlusDays(SafetyPlans.ReminderDays)), // due: the last day of the reminder
            Plan(w.Council.Id, today), // due today, not yet late
            Plan(w.Council.Id, today.PlusDays(-2)), // overdue
            Plan(w.Council.Id, today.PlusDays(SafetyPlans.ReminderDays + 1)), // not yet due
            Plan(w.Council.Id, today.PlusDays(-5), ended: true), // ended: reviewed no more
            Plan(w.IdvaService.Id, today.PlusDays(-1)))); // the IDVA service's own, overdue

        await using var db = w.NewContext();
        var work = new DomesticAbuseWork(db);
        var ct = TestContext.Current.CancellationToken;
        var frontDoor = await work.CountAsync(PathwayWorld.Process(w.FrontDoor), ct);
        var idva = await work.CountAsync(PathwayWorld.Process(w.Idva), ct);
        var socialWorker = await work.CountAsync(PathwayWorld.Process(w.SocialWorker), ct);
        var listed = await new SafetyPlans(db).ListAsync(new SafetyPlanListOptions(DueOnly: true, new PageOptions()), PathwayWorld.Process(w.FrontDoor), ct);

        Assert.Equal(new WorkCount(4, 2), frontDoor.SafetyPlansToReview);
        Assert.Equal(listed.Page.Total, frontDoor.SafetyPlansToReview!.Waiting);
        Assert.Equal(new WorkCount(1, 1), idva.SafetyPlansToReview);
        Assert.Null(socialWorker.SafetyPlansToReview);
    }

    [Theory, BothDatabases]
    public async Task Referrals_from_triage_are_counted_for_the_service_that_acts_on_them_overdue_only_where_a_due_time_is_set(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        var incident = await w.IncidentAsync(Instant.FromUtc(2026, 11, 9, 20, 0), Instant.FromUtc(2026, 11, 9, 21, 0));
        var ct = TestContext.Current.CancellationToken;
        await using (var db = w.NewContext())
            await new DrammList(db).TriageAsync(new TriageOptions(incident.Id, null, null, SafetyPlanNow: false, ReferToMarac: false, AllocateIdva: true,
                ReferToChildrensSocialWork: true, ChildrenAtRisk: false, NoFurtherAction: false, null), PathwayWorld.Process(w.FrontDoor), ct);

        async Task<DomesticAbuseWorkCounts> CountsAsync(TestUser user)
        {
            await using var db = w.NewContext();
            return await new DomesticAbuseWork(db).CountAsync(PathwayWorld.Process(user), ct);
        }
        var socialWorkOnTheDay = await CountsAsync(w.SocialWorker);
        var idvaOnTheDay = await CountsAsync(w.Idva);
        var frontDoor = await CountsAsync(w.FrontDoor);
        // Children's social work decides within one working day; an IDVA service has no set time.
        w.Clock.Reset(PathwayWorld.Now + Duration.FromDays(3));
        var socialWorkLater = await CountsAsync(w.SocialWorker);
        var idvaLater = await CountsAsync(w.Idva);

        Assert.Equal((new WorkCount(1, 0), (WorkCount?)null), (socialWorkOnTheDay.SocialWorkReferrals, socialWorkOnTheDay.IdvaReferrals));
        Assert.Equal(((WorkCount?)null, new WorkCount(1, 0)), (idvaOnTheDay.SocialWorkReferrals, idvaOnTheDay.IdvaReferrals));
        Assert.Equal(((WorkCount?)null, (WorkCount?)null), (frontDoor.SocialWorkReferrals, frontDoor.IdvaReferrals));
        Assert.Equal(new WorkCount(1, 1), socialWorkLater.SocialWorkReferrals);
        Assert.Equal(new WorkCount(1, 0), idvaLater.IdvaReferrals);
    }

    [Theory, BothDatabases]
    public async Task A_role_has_counts_of_its_own_lists_only(DatabaseProvider provider)
    {
        await using var w = await PathwayWorld.CreateAsync(provider);
        await using var db = w.NewContext();

        var idva = await new DomesticAbuseWork(db).CountAsync(PathwayWorld.Process(w.Idva), TestContext.Current.CancellationToken);

        // An IDVA reviews its service's safety plans and takes its allocations; the schools' and the Front Door's lists are not theirs.
        Assert.Equal(new DomesticAbuseWorkCounts(null, null, null, null, new WorkCount(0), null, new WorkCount(0)), idva);
    }
}
