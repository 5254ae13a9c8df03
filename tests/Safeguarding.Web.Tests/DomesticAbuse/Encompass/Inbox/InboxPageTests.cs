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
using static Safeguarding.Web.Tests.DomesticAbuse.Encompass.EncompassPageData;

namespace Safeguarding.Web.Tests.DomesticAbuse.Encompass.Inbox;

public sealed class InboxPageTests
{
    [Theory, BothDatabases]
    public async Task A_key_adult_opens_a_notification_from_their_inbox_acknowledges_it_and_then_records_the_support_given(DatabaseProvider provider)
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
        // Step one has nothing to fill in: received, planning support.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, [], url)).StatusCode);
        // Step two: the support given, checked.
        var support = $"{url}?handler=Support";
        var empty = await client.PostFormAsync(support, [new("SupportNotes", "")], url);
        var errors = (await empty.HtmlAsync()).QuerySelectorAll(".govuk-error-summary__list a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Equal([("#Support", "Select the support your setting has given")], errors);
        var other = await client.PostFormAsync(support, [new("Support", "other"), new("SupportNotes", " ")], url);
        Assert.Contains("Describe the other support", (await other.HtmlAsync()).QuerySelector(".govuk-error-summary")!.TextContent);

        var done = await client.PostFormAsync(support, [new("Support", "check-in"), new("Support", "watching"), new("SupportNotes", "Seen at 8:50.")], url);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        await using var db = host.NewContext();
        var stored = await db.EncompassNotifications.SingleAsync(n => n.Id == notification.Id);
        Assert.Equal((NotificationStatus.Acknowledged, keyAdult.User.Id), (stored.Status, stored.AcknowledgedByUserId!.Value));
        var entry = await db.EncompassSupportEntries.SingleAsync(e => e.NotificationId == notification.Id);
        Assert.Equal(("check-in,watching", "Seen at 8:50.", keyAdult.User.Id), (entry.Choices, entry.Notes, entry.RecordedByUserId!.Value));
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
}
