using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.DomesticAbuse;

public sealed class EncompassPageTests
{
    private static Instant Now => SystemClock.Instance.GetCurrentInstant();

    private static async Task<(Organisation Force, Organisation School, EncompassNotification Notification)> ReadyAsync(TestHost host, Guid partnershipId,
        Duration deadlineFromNow, Organisation? school = null)
    {
        var force = await host.Data.CreateOrganisationAsync(partnershipId, OrganisationType.PoliceForce);
        school ??= await host.Data.CreateOrganisationAsync(partnershipId);
        var incident = await host.Data.CreateIncidentAsync(force, Now - Duration.FromHours(10));
        var notification = await host.Data.CreateReadyNotificationAsync(incident, incident.Children[0], school, Now + deadlineFromNow);
        return (force, school, notification);
    }

    private static async Task RunAsync<T>(TestHost host, Func<T, Task> step) where T : notnull
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        await step(scope.ServiceProvider.GetRequiredService<T>());
    }

    [Theory, BothDatabases]
    public async Task A_key_adult_opens_a_notification_from_their_inbox_and_acknowledges_the_support_put_in_place(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var (_, school, notification) = await ReadyAsync(host, partnership.Id, Duration.FromHours(3));
        var (_, _, elsewhere) = await ReadyAsync(host, partnership.Id, Duration.FromHours(3));
        await RunAsync<EncompassDelivery>(host, d => d.DeliverAllReadyAsync());
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var client = await host.SignInAsync(keyAdult);
        var child = NotificationContentJson.Read(notification.Content);
        var otherChild = NotificationContentJson.Read(elsewhere.Content);

        var inbox = await (await client.GetAsync("/domestic-abuse/encompass/inbox")).HtmlAsync();
        Assert.NotNull(inbox.QuerySelector($"a[href='/domestic-abuse/encompass/inbox/{notification.Id}']"));
        Assert.Contains(child.ChildGivenName, inbox.Body!.TextContent);
        Assert.DoesNotContain(otherChild.ChildGivenName, inbox.Body!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/domestic-abuse/encompass/inbox/{elsewhere.Id}")).StatusCode);

        var page = await client.GetAsync($"/domestic-abuse/encompass/inbox/{notification.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal($"{child.ChildGivenName} {child.ChildFamilyName}", (await page.HtmlAsync()).QuerySelector("h1")!.TextContent);

        var url = $"/domestic-abuse/encompass/inbox/{notification.Id}";
        var empty = await client.PostFormAsync(url, new Dictionary<string, string> { ["SupportNotes"] = "" });
        var errors = (await empty.HtmlAsync()).QuerySelectorAll(".govuk-error-summary__list a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Equal([("#Support", "Select the support your setting has put in place")], errors);
        var other = await client.PostFormAsync(url, [new("Support", "other"), new("SupportNotes", " ")], url);
        Assert.Contains("Describe the other support", (await other.HtmlAsync()).QuerySelector(".govuk-error-summary")!.TextContent);

        var done = await client.PostFormAsync(url, [new("Support", "check-in"), new("Support", "watching"), new("SupportNotes", "Seen at 8:50.")], url);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        await using var db = host.NewContext();
        var stored = await db.EncompassNotifications.SingleAsync(n => n.Id == notification.Id);
        Assert.Equal((NotificationStatus.Acknowledged, "check-in,watching", "Seen at 8:50.", keyAdult.User.Id),
            (stored.Status, stored.SupportChoices, stored.SupportNotes, stored.AcknowledgedByUserId!.Value));
        var read = await db.AuditEntries.Where(e => e.ResourceId == notification.Id.ToString() && e.Action == AuditActions.Read).ToListAsync();
        Assert.NotEmpty(read);
        Assert.All(read, e => Assert.Equal((keyAdult.User.Id, AuditOutcome.Allowed), (e.ActorUserId!.Value, e.Outcome)));
        Assert.Equal(AuditOutcome.Denied, (await db.AuditEntries.SingleAsync(e => e.ResourceId == elsewhere.Id.ToString() && e.Action == AuditActions.Read)).Outcome);
    }

    [Theory, BothDatabases]
    public async Task Acknowledging_another_settings_notification_is_refused_and_the_refusal_audited_once(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var (_, school, ours) = await ReadyAsync(host, partnership.Id, Duration.FromHours(3));
        var (_, _, elsewhere) = await ReadyAsync(host, partnership.Id, Duration.FromHours(3));
        await RunAsync<EncompassDelivery>(host, d => d.DeliverAllReadyAsync());
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var client = await host.SignInAsync(keyAdult);

        // The form of their own notification, posted to another setting's.
        var refused = await client.PostFormAsync($"/domestic-abuse/encompass/inbox/{elsewhere.Id}", [new("Support", "check-in")], $"/domestic-abuse/encompass/inbox/{ours.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await using var db = host.NewContext();
        Assert.Null((await db.EncompassNotifications.SingleAsync(n => n.Id == elsewhere.Id)).AcknowledgedAt);
        var denied = await db.AuditEntries.SingleAsync(e => e.ResourceId == elsewhere.Id.ToString() && e.Outcome == AuditOutcome.Denied);
        Assert.Equal((AuditOutcome.Denied, KeyAdultInbox.ResourceType, "notification was sent to another setting"), (denied.Outcome, denied.ResourceType, denied.Details));
    }

    [Theory, BothDatabases]
    public async Task The_front_door_phones_the_school_marks_the_call_made_and_records_why_a_deadline_was_missed(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var (_, school, dueSoon) = await ReadyAsync(host, partnership.Id, Duration.FromMinutes(20));
        var (_, _, missed) = await ReadyAsync(host, partnership.Id, -Duration.FromMinutes(5), school);
        await RunAsync<EncompassDelivery>(host, d => d.DeliverAllReadyAsync());
        await RunAsync<EncompassEscalation>(host, e => e.RunAsync());
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var practitioner = await host.Data.CreateUserAsync(council, Role.FrontDoorPractitioner);
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var client = await host.SignInAsync(practitioner);
        var reference = NotificationContentJson.Read(dueSoon.Content).PoliceReference;

        var list = await (await client.GetAsync("/domestic-abuse/encompass/phone-the-school")).HtmlAsync();
        Assert.Equal("2 calls to make", list.QuerySelector("caption")!.TextContent.Trim());
        Assert.Contains(reference, list.Body!.TextContent);
        Guid taskId;
        await using (var db = host.NewContext())
            taskId = (await db.EncompassEscalationTasks.SingleAsync(t => t.NotificationId == dueSoon.Id)).Id;
        var page = "/domestic-abuse/encompass/phone-the-school";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"{page}?handler=Done&taskId={taskId}", [], page)).StatusCode);
        Assert.Equal("1 call to make", (await (await client.GetAsync(page)).HtmlAsync()).QuerySelector("caption")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"{page}?handler=Undo&taskId={taskId}", [], page)).StatusCode);
        Assert.Equal("2 calls to make", (await (await client.GetAsync(page)).HtmlAsync()).QuerySelector("caption")!.TextContent.Trim());

        var breach = $"{page}/breach/{missed.Id}";
        var blank = await client.PostFormAsync(breach, new Dictionary<string, string> { ["Reason"] = "  " });
        Assert.Equal("Enter why the deadline was missed", (await blank.HtmlAsync()).QuerySelector(".govuk-error-summary__list a")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(breach, new Dictionary<string, string> { ["Reason"] = "School closed for snow; no one to phone." })).StatusCode);
        await using (var db = host.NewContext())
            Assert.Equal("School closed for snow; no one to phone.", (await db.EncompassNotifications.SingleAsync(n => n.Id == missed.Id)).BreachReason);

        var schoolClient = await host.SignInAsync(keyAdult);
        Assert.Equal(HttpStatusCode.Forbidden, (await schoolClient.GetAsync(page)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Timeliness_figures_come_as_tables_charts_and_csv_for_police_and_the_partnership_only(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var (force, school, notification) = await ReadyAsync(host, partnership.Id, Duration.FromHours(3));
        await RunAsync<EncompassDelivery>(host, d => d.DeliverAllReadyAsync());
        var police = await host.Data.CreateUserAsync(force, Role.PoliceDomesticAbuse);
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var client = await host.SignInAsync(police);

        var html = await (await client.GetAsync("/domestic-abuse/encompass/timeliness")).HtmlAsync();
        Assert.Equal(2, html.QuerySelectorAll("svg[role=img]").Length);
        var settingRow = html.QuerySelectorAll("table tbody tr").Single(r => r.QuerySelector("th")!.TextContent == school.Name);
        Assert.Equal(["1", "1", "1", "100", "0", "–", "0", "–"], settingRow.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.DoesNotContain(NotificationContentJson.Read(notification.Content).ChildGivenName, html.Body!.TextContent);

        var bad = await (await client.GetAsync("/domestic-abuse/encompass/timeliness?from=yesterday")).HtmlAsync();
        Assert.Contains("Enter the start date", bad.QuerySelector(".govuk-error-summary")!.TextContent);

        var csv = await client.GetAsync("/domestic-abuse/encompass/timeliness?handler=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("breakdown,label,incidents,children,notifications,", lines[0]);
        Assert.Contains($"setting,\"{school.Name}\",1,1,1,100,0,,0,", lines);

        var schoolClient = await host.SignInAsync(keyAdult);
        Assert.Equal(HttpStatusCode.Forbidden, (await schoolClient.GetAsync("/domestic-abuse/encompass/timeliness")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task An_administrator_sees_a_failed_delivery_and_sends_it_again(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var admin = await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator);
        var practitioner = await host.Data.CreateUserAsync(council, Role.FrontDoorPractitioner);
        var failed = new OutboxMessage
        {
            PartnershipId = partnership.Id, Channel = OutboxChannel.Email, Destination = "dsl@school.test.example", Payload = "{}",
            DeliveryKey = $"test/{Guid.NewGuid():N}", About = "Test", Status = OutboxStatus.Failed, Attempts = 8,
            LastError = "IOException: The relay refused the connection.", NextAttemptAt = Now, CreatedAt = Now,
        };
        await host.Data.SaveAsync(db => db.OutboxMessages.Add(failed));
        var client = await host.SignInAsync(admin);

        var html = await (await client.GetAsync("/admin/deliveries")).HtmlAsync();
        Assert.Contains("The relay refused the connection.", html.QuerySelector("table")!.TextContent);
        var retry = await client.PostFormAsync($"/admin/deliveries?handler=Retry&messageId={failed.Id}", [], "/admin/deliveries");
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        await using (var db = host.NewContext())
            Assert.Equal((OutboxStatus.Pending, 0), await db.OutboxMessages.Where(m => m.Id == failed.Id).Select(m => new { m.Status, m.Attempts }).SingleAsync() is var r ? (r.Status, r.Attempts) : default);

        var other = await host.SignInAsync(practitioner);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/admin/deliveries")).StatusCode);
    }
}
