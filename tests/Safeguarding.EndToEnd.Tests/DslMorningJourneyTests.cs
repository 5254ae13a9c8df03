using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Testing;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>
/// The school's designated safeguarding lead at 08:20, in a real browser on both databases: the waiting and acknowledged
/// views, a notification acknowledged late in two steps with support added twice, the success banner saying how late;
/// Axe checks every state. The same lists on a 390 px phone are NarrowScreenTests'.
/// </summary>
public sealed class DslMorningJourneyTests(EndToEndFixture fixture)
{
    [Theory, BothDatabases]
    public async Task A_dsl_filters_acknowledges_in_two_steps_and_adds_support(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var audit = new PageAudit(host);
        var dsl = host.User(Role.SchoolKeyAdult);
        var (child, earlier, today) = await MorningAsync(host, dsl);
        var childName = $"{today.Content.ChildGivenName} {today.Content.ChildFamilyName}";

        var page = await fixture.NewPageAsync();
        audit.Watch(page);
        await page.SignInAsync(host, dsl);
        await audit.VisitAsync(page, "Inbox (waiting)", "/domestic-abuse/encompass/inbox");
        await Assertions.Expect(page.Locator(".app-sub-navigation__link[aria-current=page]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Waiting \\([0-9,]+\\)$"));
        var row = await FindAsync(page, today.Id);
        await Assertions.Expect(row).ToContainTextAsync("1 earlier incident");
        await Assertions.Expect(row).ToContainTextAsync(earlier.Content.PoliceReference);
        await Assertions.Expect(row.Locator($"a[href='/people/{child}']")).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Overdue by 2 hours");
        await row.GetByRole(AriaRole.Link, new() { Name = childName, Exact = true }).ClickAsync();
        await page.LoadedAsync();
        await audit.CheckAsync(page, "Notification (waiting)");

        // Step one: received, planning support, 2 hours 10 minutes after the deadline.
        await page.SubmitAsync("Received, planning support");
        await audit.CheckAsync(page, "Notification (acknowledged)");
        var banner = page.Locator("main .govuk-notification-banner--success");
        await Assertions.Expect(banner).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Acknowledged 2 hours 1[0-9] minutes after the deadline"));
        Assert.True(await banner.EvaluateAsync<bool>("b => b.parentElement.firstElementChild === b"), "the banner comes first in the page's content");

        // Step two, twice: the support given, added to.
        await audit.SubmitEmptyAsync(page, "Notification (support)");
        await page.GetByLabel("A trusted adult checked in with the child").CheckAsync();
        await page.GetByLabel("Staff who need to know have been told").CheckAsync();
        await page.SubmitAsync("Record support given");
        await Assertions.Expect(banner).ToContainTextAsync("Support recorded");
        await page.GetByLabel("Early help offered to the family").CheckAsync();
        await page.GetByLabel("Anything else about the support").FillAsync("Met mum at pick-up; early help assessment booked.");
        await page.SubmitAsync("Record support given");
        await audit.CheckAsync(page, "Notification (support added to)");
        await Assertions.Expect(page.Locator("#support .govuk-summary-list__row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#support")).ToContainTextAsync("early help assessment booked");

        await audit.VisitAsync(page, "Inbox (acknowledged)", "/domestic-abuse/encompass/inbox");
        await page.Locator(".app-sub-navigation__link").Nth(1).ClickAsync();
        await page.LoadedAsync();
        await audit.CheckAsync(page, "Inbox (acknowledged)");
        await Assertions.Expect(page.Locator(".app-sub-navigation__link[aria-current=page]")).ToContainTextAsync("Acknowledged");
        await Assertions.Expect(await FindAsync(page, today.Id)).ToContainTextAsync("Acknowledged");
        await page.Context.CloseAsync();

        Assert.Empty(audit.Problems);
        await using var check = host.NewContext();
        var stored = await check.EncompassNotifications.AsNoTracking().SingleAsync(n => n.Id == today.Id);
        Assert.Equal(NotificationStatus.Acknowledged, stored.Status);
        Assert.Equal(2, await check.EncompassSupportEntries.CountAsync(e => e.NotificationId == today.Id));
    }

    private sealed record Sent(Guid Id, EncompassNotificationContent Content);

    /// <summary>
    /// A pupil of the DSL's school told about once before, and again this morning: delivered in good time, it is now 2 hours
    /// 10 minutes past its deadline (delivery never sends one already overdue, so the deadline is moved as time would).
    /// </summary>
    private static async Task<(Guid Child, Sent Earlier, Sent Today)> MorningAsync(DemoHost host, DemoUserCredential dsl)
    {
        var (_, schoolId) = await host.UserAsync(dsl);
        var data = new TestData(host.NewContext);
        var now = SystemClock.Instance.GetCurrentInstant();
        Organisation force, school;
        await using (var db = host.NewContext())
        {
            force = await db.Organisations.FirstAsync(o => o.Type == OrganisationType.PoliceForce);
            school = await db.Organisations.SingleAsync(o => o.Id == schoolId);
        }
        var child = await data.CreatePersonAsync(school.PartnershipId, (school, PersonLinkKind.RegisteredPupil));
        async Task<Sent> SendAsync(Instant reported)
        {
            var incident = await data.CreateIncidentAsync(force, reported, reference: $"13/DSL/{Guid.NewGuid().ToString()[..8]}");
            var n = await data.CreateReadyNotificationAsync(incident, incident.Children[0], school, now + Duration.FromHours(6));
            await using (var db = host.NewContext()) await new EncompassDelivery(db, new Outbox(db), new EncompassDeliveryOptions()).DeliverAllReadyAsync();
            await data.SaveAsync(db => db.EncompassNotifications.Single(x => x.Id == n.Id).ChildPersonId = child.Id);
            return new Sent(n.Id, NotificationContentJson.Read(n.Content));
        }
        var earlier = await SendAsync(now - Duration.FromDays(30));
        var today = await SendAsync(now - Duration.FromHours(12));
        await data.SaveAsync(db => db.EncompassNotifications.Single(n => n.Id == today.Id).Deadline = now - Duration.FromMinutes(130));
        return (child.Id, earlier, today);
    }

    /// <summary>The notification's row in the view shown, page after page: the demo school has more than one page waiting.</summary>
    private static async Task<ILocator> FindAsync(IPage page, Guid notificationId)
    {
        var row = page.Locator("#inbox tbody tr").Filter(new() { Has = page.Locator($"a[href='/domestic-abuse/encompass/inbox/{notificationId}']") });
        while (await row.CountAsync() == 0)
        {
            var next = page.Locator("nav.govuk-pagination a[rel=next]");
            Assert.True(await next.CountAsync() > 0, $"notification {notificationId} is on no page of the list");
            await next.First.ClickAsync();
            await page.LoadedAsync();
        }
        return row.First;
    }
}
