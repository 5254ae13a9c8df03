using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Core.Platform.Secrets;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Admin.Webhooks;

/// <summary>The administrators' webhook pages: what <c>safeguard webhooks set</c> does, in the browser.</summary>
public sealed class WebhooksPageTests
{
    [Theory, BothDatabases]
    public async Task An_administrator_sets_up_a_settings_webhook_sees_the_secret_once_renews_it_and_turns_it_off(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var admin = await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator);
        var client = await host.SignInAsync(admin);
        var page = $"/admin/webhooks/setting?setting={school.Id}";
        string Error(AngleSharp.Html.Dom.IHtmlDocument html) => html.QuerySelector(".govuk-error-summary__list a")!.TextContent;

        Assert.Equal("The address must start with https://, so that the notification is encrypted on its way",
            Error(await (await client.PostFormAsync(page, new Dictionary<string, string> { ["Address"] = "http://mis.school.example/hook" })).HtmlAsync()));
        Assert.Equal("Enter the address of the setting's system",
            Error(await (await client.PostFormAsync(page, new Dictionary<string, string> { ["Address"] = " " })).HtmlAsync()));
        await using (var db = host.NewContext())
            Assert.False(await db.WebhookSubscriptions.AnyAsync(w => w.OrganisationId == school.Id));

        var created = await (await client.PostFormAsync(page, new Dictionary<string, string> { ["Address"] = "https://mis.school.example/hook" })).HtmlAsync();
        var secret = created.QuerySelector("#secret code")!.TextContent;
        WebhookSubscription hook;
        await using (var db = host.NewContext())
            hook = await db.WebhookSubscriptions.SingleAsync(w => w.OrganisationId == school.Id);
        // Kept encrypted with the host's key ring: the column never holds the secret the page showed.
        var secrets = host.Factory.Services.GetRequiredService<SecretsAtRest>();
        Assert.True(SecretsAtRest.IsProtected(hook.Secret));
        Assert.Equal((secret, "https://mis.school.example/hook", true), (secrets.Reveal(StoredSecret.WebhookSecret, hook.Secret), hook.Url, hook.Enabled));

        // Shown once: not on the page again, nor when the address changes.
        Assert.DoesNotContain(secret, await (await client.GetAsync(page)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var moved = await client.PostFormAsync(page, new Dictionary<string, string> { ["Address"] = "https://new.school.example/hook" });
        Assert.DoesNotContain(secret, await moved.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var renewed = await (await client.PostFormAsync($"{page}&handler=Renew", [], page)).HtmlAsync();
        var newSecret = renewed.QuerySelector("#secret code")!.TextContent;
        Assert.NotEqual(secret, newSecret);
        Assert.Equal("Off", (await (await client.PostFormAsync($"{page}&handler=TurnOff", [], page)).HtmlAsync()).QuerySelector("#status")!.TextContent);

        await using (var db = host.NewContext())
        {
            hook = await db.WebhookSubscriptions.SingleAsync(w => w.OrganisationId == school.Id);
            Assert.Equal((newSecret, "https://new.school.example/hook", false), (secrets.Reveal(StoredSecret.WebhookSecret, hook.Secret), hook.Url, hook.Enabled));
            var audit = await db.AuditEntries.Where(e => e.ResourceType == nameof(WebhookSubscription) && e.ResourceId == hook.Id.ToString()).ToListAsync();
            Assert.Equal([AuditActions.Create, AuditActions.Update, AuditActions.Update, AuditActions.Update], audit.OrderBy(e => e.Sequence).Select(e => e.Action));
            Assert.All(audit, e => Assert.Equal(admin.User.Id, e.ActorUserId));
            Assert.All(audit, e => Assert.DoesNotContain(newSecret, e.Details ?? "", StringComparison.Ordinal));
        }

        var list = await (await client.GetAsync("/admin/webhooks")).HtmlAsync();
        Assert.Equal("1 setting has a webhook", list.QuerySelector("#webhooks caption")!.TextContent);
    }

    [Theory, BothDatabases]
    public async Task The_webhook_page_shows_the_latest_posts_and_failures_and_only_administrators_see_it(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var systemAdmin = await host.Data.CreateUserAsync(council, Role.SystemAdministrator);
        var practitioner = await host.Data.CreateUserAsync(council, Role.FrontDoorPractitioner);
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var now = SystemClock.Instance.GetCurrentInstant();
        var hook = new WebhookSubscription { PartnershipId = partnership.Id, OrganisationId = school.Id, Url = "https://mis.school.example/hook", Secret = "s", CreatedAt = now };
        OutboxMessage Post(OutboxStatus status, string? error, int minutesAgo) => new()
        {
            PartnershipId = partnership.Id, Channel = OutboxChannel.Webhook, Destination = hook.Id.ToString(), Payload = "{}", DeliveryKey = $"test/{Guid.NewGuid():N}",
            About = "EncompassNotification", Status = status, Attempts = status == OutboxStatus.Failed ? 8 : 1, LastError = error,
            NextAttemptAt = now, CreatedAt = now - Duration.FromMinutes(minutesAgo),
        };
        await host.Data.SaveAsync(db =>
        {
            db.WebhookSubscriptions.Add(hook);
            db.OutboxMessages.Add(Post(OutboxStatus.Delivered, null, 30));
            db.OutboxMessages.Add(Post(OutboxStatus.Failed, "HttpRequestException: The organisation's system answered 503.", 10));
        });

        var client = await host.SignInAsync(systemAdmin);
        var html = await (await client.GetAsync($"/admin/webhooks/setting?setting={school.Id}")).HtmlAsync();
        var rows = html.QuerySelectorAll("#deliveries tbody tr").Select(r => r.QuerySelectorAll("td").Skip(2).Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal([["Failed", "8", "HttpRequestException: The organisation's system answered 503."], ["Delivered", "1", ""]], rows);
        Assert.NotNull(html.QuerySelector("a[href='/admin/deliveries']"));

        foreach (var user in new[] { practitioner, keyAdult })
        {
            var other = await host.SignInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/admin/webhooks")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/admin/webhooks/setting?setting={school.Id}")).StatusCode);
        }
    }
}
