using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Testing;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>
/// Operation Encompass in the browser: a Key Adult signs in, opens a notification and acknowledges it; the Front Door
/// phones a school and records a missed deadline; the timeliness page; every state checked with axe (WCAG 2.2 AA).
/// </summary>
public sealed class EncompassJourneyTests(EndToEndFixture fixture)
{
    [Theory, BothDatabases]
    public async Task A_key_adult_opens_and_acknowledges_and_the_front_door_chases_with_no_wcag_violation(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var audit = new PageAudit(host);
        var keyAdult = host.User(Role.SchoolKeyAdult);
        var (_, schoolId) = await host.UserAsync(keyAdult);
        var now = SystemClock.Instance.GetCurrentInstant();
        var data = new TestData(host.NewContext);
        Organisation force, school;
        await using (var db = host.NewContext())
        {
            force = await db.Organisations.FirstAsync(o => o.Type == OrganisationType.PoliceForce);
            school = await db.Organisations.SingleAsync(o => o.Id == schoolId);
        }
        var incident = await data.CreateIncidentAsync(force, now - Duration.FromHours(9), children: 3);
        var toAcknowledge = await data.CreateReadyNotificationAsync(incident, incident.Children[0], school, now + Duration.FromHours(6));
        await data.CreateReadyNotificationAsync(incident, incident.Children[1], school, now + Duration.FromMinutes(20));
        var missed = await data.CreateReadyNotificationAsync(incident, incident.Children[2], school, now - Duration.FromMinutes(1));
        await using (var db = host.NewContext()) await new EncompassDelivery(db, new Outbox(db), new EncompassDeliveryOptions()).DeliverAllReadyAsync();
        // Delivery gives a notification sent after its deadline the next school day; time passes until one, delivered in
        // good time, is a minute past its deadline unacknowledged.
        await data.SaveAsync(db =>
        {
            var late = db.EncompassNotifications.Single(n => n.Id == missed.Id);
            late.Deadline = now - Duration.FromMinutes(1);
        });
        await using (var db = host.NewContext()) await new EncompassEscalation(db).RunAsync();

        var page = await fixture.NewPageAsync();
        audit.Watch(page);
        await page.SignInAsync(host, keyAdult);
        await audit.VisitAsync(page, "Operation Encompass notifications", "/domestic-abuse/encompass/inbox");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = $"{incident.Children[0].GivenName} {incident.Children[0].FamilyName}" }).ClickAsync();
        await audit.CheckAsync(page, "A notification");
        await page.SubmitAsync("Received, planning support");
        await audit.CheckAsync(page, "A notification (acknowledged)");
        Assert.Contains("Acknowledged before the deadline", await page.Locator(".govuk-notification-banner--success").TextContentAsync());
        await audit.SubmitEmptyAsync(page, "A notification (support)");
        await page.GetByLabel("A trusted adult checked in with the child").CheckAsync();
        await page.GetByLabel("Staff who need to know have been told").CheckAsync();
        await page.SubmitAsync("Record support given");
        await audit.CheckAsync(page, "A notification (support given)");
        await page.Context.CloseAsync();

        page = await fixture.NewPageAsync();
        audit.Watch(page);
        await page.SignInAsync(host, host.User(Role.FrontDoorPractitioner));
        await audit.VisitAsync(page, "Phone the school", "/domestic-abuse/encompass/phone-the-school");
        await audit.VisitAsync(page, "Why was the deadline missed?", $"/domestic-abuse/encompass/phone-the-school/breach/{missed.Id}");
        await audit.SubmitEmptyAsync(page, "Why was the deadline missed?");
        await page.Context.CloseAsync();

        page = await fixture.NewPageAsync();
        audit.Watch(page);
        await page.SignInAsync(host, host.User(Role.Analyst));
        await audit.VisitAsync(page, "Operation Encompass timeliness", "/domestic-abuse/encompass/timeliness");
        await page.Context.CloseAsync();

        Assert.Empty(audit.Problems);
        await using var check = host.NewContext();
        Assert.Equal(NotificationStatus.Acknowledged, (await check.EncompassNotifications.SingleAsync(n => n.Id == toAcknowledge.Id)).Status);
    }
}
