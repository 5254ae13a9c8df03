using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Testing;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>
/// Every work list, and the record and admin lists people work through, on a 390 px phone: the page never scrolls
/// sideways, and axe finds nothing (on PostgreSQL's host: <see cref="BrowserSteps.AxeDatabase"/>). Each list has rows, some with the long unbroken names, references and
/// organisation names that overflow a table. The pages are one table below: adding a page is one line.
/// </summary>
public sealed class NarrowScreenTests(EndToEndFixture fixture)
{
    private const string LongGivenName = "Maximilianopetronellaaugustina";
    private const string LongFamilyName = "Wolfeschlegelsteinhausenbergerdorffvoralternwaren";
    private const string LongReference = "AVP/2026/DOMESTICABUSEUNIT/0000123456789012345";
    private const string LongOrganisation = "Saint Bartholomew-the-Great Church of England Voluntary Aided Primary and Nursery Academy";

    /// <summary>Who works through the list, what to call it in a failure, its address, and whether it shows a table with rows.</summary>
    private sealed record ListPage(Role Role, string Name, string Path, bool Table = true);

    private static IReadOnlyList<ListPage> Pages(Seeded s) =>
    [
        new(Role.SchoolKeyAdult, "Operation Encompass inbox", "/domestic-abuse/encompass/inbox"),
        new(Role.SchoolKeyAdult, "Operation Encompass inbox (acknowledged)", "/domestic-abuse/encompass/inbox?show=acknowledged"),
        new(Role.FrontDoorManager, "DRAMM list", "/domestic-abuse/dramm"),
        new(Role.FrontDoorManager, "Incident", $"/domestic-abuse/dramm/incidents/{s.IncidentId}"),
        new(Role.FrontDoorManager, "DASH checklists", "/domestic-abuse/dash"),
        new(Role.FrontDoorManager, "Phone the school", "/domestic-abuse/encompass/phone-the-school"),
        new(Role.FrontDoorManager, "Children to place", "/domestic-abuse/encompass/children-to-place"),
        new(Role.FrontDoorManager, "Safety plans", "/domestic-abuse/safety-plans?show=all"),
        new(Role.FrontDoorManager, "Safety plan", $"/domestic-abuse/safety-plans/{s.SafetyPlanId}"),
        new(Role.FrontDoorManager, "Links held for a decision", "/held-links"),
        new(Role.FrontDoorManager, "Held link", $"/held-links/{s.HeldLinkId}", Table: false),
        new(Role.FrontDoorManager, "Possible matches to review", "/people/review"),
        new(Role.FrontDoorManager, "Person's record", $"/people/{s.ChildId}", Table: false),
        new(Role.FrontDoorManager, "Chronology", $"/people/{s.ChildId}/chronology"),
        new(Role.FrontDoorManager, "Who has looked at this record", $"/audit/people/{s.ChildId}"),
        new(Role.SocialWorker, "Children's social work referrals", "/domestic-abuse/referrals/social-work"),
        new(Role.SocialWorker, "Children's social work referral", $"/domestic-abuse/referrals/social-work/{s.SocialWorkReferralId}", Table: false),
        new(Role.Idva, "IDVA referrals", "/domestic-abuse/referrals/idva"),
        new(Role.Idva, "IDVA referral", $"/domestic-abuse/referrals/idva/{s.IdvaReferralId}", Table: false),
        new(Role.EducationLead, "Attendance worklist", "/learners/worklist?weeks=52"),
        new(Role.EducationLead, "Send a roll", "/learners/rolls", Table: false),
        new(Role.EducationLead, "Import attendance", "/learners/import", Table: false),
        new(Role.EducationLead, "School attendance figures", "/learners"),
        new(Role.PoliceDomesticAbuse, "Upload incidents", "/domestic-abuse/encompass/upload", Table: false),
        new(Role.PartnershipAdministrator, "Organisations", "/admin/organisations"),
        new(Role.PartnershipAdministrator, "Users", "/admin/users"),
        new(Role.PartnershipAdministrator, "Roles", "/admin/roles"),
        new(Role.PartnershipAdministrator, "API clients", "/admin/api-clients"),
        new(Role.PartnershipAdministrator, "Deliveries", "/admin/deliveries"),
        new(Role.PartnershipAdministrator, "Quarantine", "/admin/quarantine"),
        new(Role.PartnershipAdministrator, "Webhooks", "/admin/webhooks"),
        new(Role.PartnershipAdministrator, "Partnership settings", "/admin/settings"),
        new(Role.PartnershipAdministrator, "School calendars", "/calendars"),
        new(Role.Analyst, "Safety plan figures", "/domestic-abuse/safety-plan-figures"),
        new(Role.Analyst, "Operation Encompass timeliness", "/domestic-abuse/encompass/timeliness"),
    ];

    [Theory, BothDatabases]
    public async Task Every_work_list_fits_a_390_px_phone_without_sideways_scrolling(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var audit = new PageAudit(host);
        var seeded = await SeedAsync(host);
        var tooWide = new List<string>();
        var empty = new List<string>();

        foreach (var role in Pages(seeded).GroupBy(p => p.Role))
        {
            var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                Locale = "en-GB", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2,
            });
            var page = await context.NewPageAsync();
            audit.Watch(page);
            await page.SignInAsync(host, host.User(role.Key));
            foreach (var list in role)
            {
                if (list.Path.Contains('?'))
                {
                    await page.GotoAsync(host.Url(list.Path));
                    await page.LoadedAsync();
                    await audit.CheckAsync(page, $"{list.Name} on a phone");
                }
                else await audit.VisitAsync(page, $"{list.Name} on a phone", list.Path);
                if (list.Table && await page.Locator("main table tbody tr").CountAsync() == 0) empty.Add($"{list.Name} ({list.Path}) as {role.Key}");
                if (await page.TooWideAsync() is { } wide) tooWide.Add($"{list.Name} ({list.Path}) as {role.Key}: {wide}");
            }
            await context.CloseAsync();
        }

        Assert.True(tooWide.Count + empty.Count == 0, $"Pages that scroll sideways at 390 px:\n{string.Join("\n", tooWide)}\nLists with no rows, so not tested:\n{string.Join("\n", empty)}");
        Assert.Empty(audit.Problems);
    }

    private sealed record Seeded(Guid ChildId, Guid IncidentId, Guid HeldLinkId, Guid SafetyPlanId, Guid SocialWorkReferralId, Guid IdvaReferralId);

    /// <summary>
    /// A pupil of the DSL's school with a long name, told about by the police under a long reference; a link held for
    /// them; a safety plan; a referral to each service; a setting with a long name and a webhook; a record in quarantine
    /// and a settings change. Added, never changed: other
    /// journeys share the demo host.
    /// </summary>
    private static async Task<Seeded> SeedAsync(DemoHost host)
    {
        var (dslUserId, schoolId) = await host.UserAsync(host.User(Role.SchoolKeyAdult));
        var (_, idvaId) = await host.UserAsync(host.User(Role.Idva));
        var (frontDoorUserId, councilId) = await host.UserAsync(host.User(Role.FrontDoorManager));
        var data = new TestData(host.NewContext);
        var now = SystemClock.Instance.GetCurrentInstant();
        Organisation force, school;
        Guid decisionId;
        await using (var db = host.NewContext())
        {
            force = await db.Organisations.FirstAsync(o => o.Type == OrganisationType.PoliceForce);
            school = await db.Organisations.SingleAsync(o => o.Id == schoolId);
            decisionId = await db.TriageDecisions.Where(d => d.PartnershipId == school.PartnershipId).Select(d => d.Id).FirstAsync();
        }
        var longSchool = await data.CreateOrganisationAsync(school.PartnershipId, OrganisationType.School, LongOrganisation);
        await data.CreateWebhookAsync(longSchool, $"https://safeguarding.{LongFamilyName.ToLowerInvariant()}.example/notifications/operation-encompass", "not-a-real-secret-0123456789");

        var child = await data.CreatePersonAsync(school.PartnershipId, (school, PersonLinkKind.RegisteredPupil));
        await data.SaveAsync(db =>
        {
            var person = db.People.Single(p => p.Id == child.Id);
            person.GivenName = LongGivenName;
            person.FamilyName = LongFamilyName;
        });
        var incident = await data.CreateIncidentAsync(force, now - Duration.FromHours(1), reference: $"{LongReference}{Random.Shared.Next(1000):000}");
        incident.Children[0].GivenName = LongGivenName;
        incident.Children[0].FamilyName = LongFamilyName;
        var notification = await data.CreateReadyNotificationAsync(incident, incident.Children[0], school, now + Duration.FromHours(6));
        // A second, from an earlier incident, already acknowledged: the acknowledged view has a row of its own.
        var earlier = await data.CreateIncidentAsync(force, now - Duration.FromDays(3), reference: $"{LongReference}{Random.Shared.Next(1000):000}");
        earlier.Children[0].GivenName = LongGivenName;
        earlier.Children[0].FamilyName = LongFamilyName;
        var acknowledged = await data.CreateReadyNotificationAsync(earlier, earlier.Children[0], school, now + Duration.FromHours(6));
        await using (var db = host.NewContext()) await new EncompassDelivery(db, new Outbox(db), new EncompassDeliveryOptions()).DeliverAllReadyAsync();
        await data.SaveAsync(db =>
        {
            db.EncompassNotifications.Single(n => n.Id == notification.Id).ChildPersonId = child.Id;
            var done = db.EncompassNotifications.Single(n => n.Id == acknowledged.Id);
            done.ChildPersonId = child.Id;
            done.Status = NotificationStatus.Acknowledged;
            done.AcknowledgedAt = now;
            done.AcknowledgedByUserId = dslUserId;
        });

        await data.CreateHeldLinksAsync(child, school, 1);
        var plan = new SafetyPlan
        {
            PartnershipId = school.PartnershipId, VictimPersonId = child.Id, AgreedByOrganisationId = councilId, AgreedAt = now,
            AgreedOn = now.InUtc().Date, ReviewDate = now.InUtc().Date.PlusDays(1),
            Measures = [new SafetyMeasure { Measure = $"Police marker on the address {LongReference} for a priority response", ResponsibleOrganisationId = force.Id }],
        };
        TriageReferral Referral(TriageReferralService service, Guid? to) => new()
        {
            PartnershipId = school.PartnershipId, Service = service, TriageDecisionId = decisionId, IncidentId = incident.Id, VictimPersonId = child.Id,
            ToOrganisationId = to, ReferredByOrganisationId = councilId, ReferredByUserId = frontDoorUserId, ReferredAt = now - Duration.FromHours(2),
            DueAt = service == TriageReferralService.ChildrensSocialWork ? now - Duration.FromHours(1) : null, Status = TriageReferralStatus.Waiting,
        };
        var socialWork = Referral(TriageReferralService.ChildrensSocialWork, null);
        var idva = Referral(TriageReferralService.Idva, idvaId);
        await data.SaveAsync(db =>
        {
            db.SafetyPlans.Add(plan);
            db.Add(socialWork);
            db.Add(idva);
            db.QuarantinedRecords.Add(new Core.Platform.Imports.QuarantinedRecord
            {
                PartnershipId = school.PartnershipId, Kind = "Incident", Source = LongReference, SentByOrganisationId = force.Id, Raw = "{}",
                Reason = $"Police reference {LongReference} has no date of birth for the child", ReceivedAt = now,
            });
            db.Add(new Core.DomesticAbuse.SettingChange
            {
                PartnershipId = school.PartnershipId, Setting = "IDVA service", OldValue = "Not set", NewValue = LongOrganisation,
                ChangedByName = $"{LongGivenName} {LongFamilyName}", ChangedAt = now,
            });
        });
        Guid heldLinkId;
        await using (var db = host.NewContext())
            heldLinkId = await db.HeldLinks.Where(l => l.PersonId == child.Id).Select(l => l.Id).SingleAsync();
        return new Seeded(child.Id, incident.Id, heldLinkId, plan.Id, socialWork.Id, idva.Id);
    }
}
