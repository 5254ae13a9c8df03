using System.Net;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Shell;

/// <summary>
/// "Your work" on the home page: each role sees what waits for it, counted truly and scoped as the list it opens, and
/// the records it opened lately by name, only those it may still open.
/// </summary>
public sealed class YourWorkTests
{
    [Theory, BothDatabases]
    public async Task A_key_adult_sees_their_own_settings_notifications_to_acknowledge_and_how_many_are_overdue(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var otherSchool = await host.Data.CreateOrganisationAsync(partnership.Id);
        var police = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var incident = await host.Data.CreateIncidentAsync(police, SystemClock.Instance.GetCurrentInstant() - Duration.FromDays(3), children: 1);
        var child = incident.Children[0];
        var now = SystemClock.Instance.GetCurrentInstant();
        var overdue = await host.Data.CreateReadyNotificationAsync(incident, child, school, now - Duration.FromDays(1));
        var waiting = await host.Data.CreateReadyNotificationAsync(incident, child, school, now + Duration.FromDays(1));
        var done = await host.Data.CreateReadyNotificationAsync(incident, child, school, now - Duration.FromDays(2));
        var elsewhere = await host.Data.CreateReadyNotificationAsync(incident, child, otherSchool, now - Duration.FromDays(1));
        await host.Data.SaveAsync(db =>
        {
            foreach (var n in db.EncompassNotifications.Where(n => n.IncidentId == incident.Id)) n.Status = NotificationStatus.Delivered;
            db.EncompassNotifications.Single(n => n.Id == done.Id).Status = NotificationStatus.Acknowledged;
        });
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var client = await host.SignInAsync(keyAdult);

        var html = await (await client.GetAsync("/")).HtmlAsync();

        var rows = html.QuerySelectorAll("#waiting .govuk-summary-list__row");
        var row = Assert.Single(rows);
        Assert.Equal("Notifications to acknowledge", row.QuerySelector("dt")!.TextContent.Trim());
        Assert.Equal("2", row.QuerySelector(".app-count")!.TextContent.Trim());
        Assert.Equal("1 overdue", row.QuerySelector(".govuk-tag--red")!.TextContent.Trim());
        Assert.Equal("/domestic-abuse/encompass/inbox", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain("arrive with the learners", html.Body!.TextContent);
        _ = (overdue, waiting, elsewhere);
    }

    [Theory, BothDatabases]
    public async Task The_Front_Door_sees_its_queues_and_not_a_settings_inbox(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var police = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var now = SystemClock.Instance.GetCurrentInstant();
        var incident = await host.Data.CreateIncidentAsync(police, now - Duration.FromDays(2), children: 3);
        await host.Data.SaveAsync(db =>
        {
            var children = db.DomesticIncidents.Where(i => i.Id == incident.Id).SelectMany(i => i.Children).OrderBy(c => c.Id).ToList();
            children[0].SettingOutcome = ChildSettingOutcome.NotFound;
            children[0].ResolutionDeadline = now - Duration.FromHours(1);
            children[1].SettingOutcome = ChildSettingOutcome.Uncertain;
            children[1].ResolutionDeadline = now + Duration.FromHours(5);
        });
        // Two contacts waiting for the Front Door's decision: one past its working day, one received an hour ago.
        var child = await host.Data.CreatePersonAsync(partnership.Id);
        await host.Data.SaveAsync(db =>
        {
            foreach (var received in new[] { now - Duration.FromDays(10), now - Duration.FromHours(1) })
                db.Add(new FrontDoorContact { PartnershipId = partnership.Id, PersonId = child.Id, Source = ContactSource.AgencyForm, FromOrganisationId = council.Id,
                    Concern = "Worried", ReceivedAt = received, DecisionDueAt = FrontDoorClocks.DecisionDue(received) });
        });
        var frontDoor = await host.Data.CreateUserAsync(council, Role.FrontDoorPractitioner);
        var client = await host.SignInAsync(frontDoor);

        var html = await (await client.GetAsync("/")).HtmlAsync();

        var rows = html.QuerySelectorAll("#waiting .govuk-summary-list__row")
            .ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => (r.QuerySelector(".app-count")!.TextContent.Trim(), r.QuerySelector(".govuk-tag--red")?.TextContent.Trim()));
        Assert.Equal(("2", "1 overdue"), rows["Children to place with a school or college"]);
        Assert.Equal(("0", null), rows["Schools to phone"]);
        Assert.True(rows.ContainsKey("Cases to triage on the DRAMM list"));
        Assert.True(rows.ContainsKey("Possible matches to review"));
        Assert.False(rows.ContainsKey("Notifications to acknowledge"));
        Assert.Equal(("2", "1 overdue"), rows["Contacts waiting for a Front Door decision"]);
    }

    [Theory, BothDatabases]
    public async Task Recent_records_are_named_and_only_those_the_reader_may_still_open(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var stays = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var leaves = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var client = await host.SignInAsync(keyAdult);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/people/{stays.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/people/{leaves.Id}")).StatusCode);
        // The pupil leaves the school: the school no longer holds them, nor their record.
        await host.Data.SaveAsync(db => db.PersonLinks.RemoveRange(db.PersonLinks.Where(l => l.PersonId == leaves.Id)));

        var html = await (await client.GetAsync("/")).HtmlAsync();

        var recent = html.QuerySelectorAll("#recent a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal([(stays.FullName, $"/people/{stays.Id}")], recent);
        Assert.DoesNotContain(leaves.Id.ToString(), html.Body!.InnerHtml);
    }

    [Theory, BothDatabases]
    public async Task Safety_plans_due_for_review_and_referrals_waiting_for_a_service_are_counted_and_lead_to_their_lists(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var victim = await host.Data.CreatePersonAsync(partnership.Id);
        var now = SystemClock.Instance.GetCurrentInstant();
        var today = now.InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
        var decision = new Core.DomesticAbuse.Dramm.TriageDecision
        {
            PartnershipId = partnership.Id, VictimPersonId = victim.Id, DecidedOn = today.PlusDays(-3), DecidedAt = now - Duration.FromDays(3),
            DecidedByOrganisationId = council.Id, ReferToChildrensSocialWork = true, SafetyPlanNow = true,
        };
        await host.Data.SaveAsync(db =>
        {
            db.TriageDecisions.Add(decision);
            db.SafetyPlans.Add(new Core.DomesticAbuse.Dramm.SafetyPlan
            {
                PartnershipId = partnership.Id, VictimPersonId = victim.Id, TriageDecisionId = decision.Id, AgreedByOrganisationId = council.Id,
                AgreedOn = today.PlusDays(-30), AgreedAt = now - Duration.FromDays(30), ReviewDate = today.PlusDays(-1),
                Measures = [new Core.DomesticAbuse.Dramm.SafetyMeasure { Measure = "Panic alarm fitted", ResponsibleOrganisationId = council.Id }],
            });
            db.Add(new Core.DomesticAbuse.Dramm.TriageReferral
            {
                PartnershipId = partnership.Id, Service = Core.DomesticAbuse.Dramm.TriageReferralService.ChildrensSocialWork, TriageDecisionId = decision.Id,
                VictimPersonId = victim.Id, ReferredByOrganisationId = council.Id, ReferredAt = decision.DecidedAt, DueAt = now - Duration.FromDays(2),
                Status = Core.DomesticAbuse.Dramm.TriageReferralStatus.Waiting,
            });
        });
        var frontDoor = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.FrontDoorPractitioner));
        var socialWorker = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.SocialWorker));

        static async Task<Dictionary<string, (string Count, string? Overdue, string? Href)>> RowsAsync(HttpClient client) =>
            (await (await client.GetAsync("/")).HtmlAsync()).QuerySelectorAll("#waiting .govuk-summary-list__row").ToDictionary(
                r => r.QuerySelector("dt")!.TextContent.Trim(),
                r => (r.QuerySelector(".app-count")!.TextContent.Trim(), r.QuerySelector(".govuk-tag--red")?.TextContent.Trim(), r.QuerySelector("a")?.GetAttribute("href")));
        var frontDoorRows = await RowsAsync(frontDoor);
        var socialWorkerRows = await RowsAsync(socialWorker);

        Assert.Equal(("1", "1 overdue", "/domestic-abuse/safety-plans"), frontDoorRows["Safety plans due for review"]);
        Assert.False(frontDoorRows.ContainsKey("Referrals waiting for children's social work"));
        Assert.Equal(("1", "1 overdue", "/domestic-abuse/referrals/social-work"), socialWorkerRows["Referrals waiting for children's social work"]);
        Assert.False(socialWorkerRows.ContainsKey("Safety plans due for review"));
        // A social worker reads contacts but does not decide them: no Front Door count.
        Assert.False(socialWorkerRows.ContainsKey("Contacts waiting for a Front Door decision"));
        Assert.False(socialWorkerRows.ContainsKey("Cases allocated to your IDVA service"));
        Assert.Equal(HttpStatusCode.OK, (await socialWorker.GetAsync("/domestic-abuse/referrals/social-work")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await frontDoor.GetAsync("/domestic-abuse/safety-plans")).StatusCode);
    }
}
