using System.Net;
using System.Text.RegularExpressions;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Testing;
using Safeguarding.Web.Pages.DomesticAbuse.Encompass.Inbox;
using static Safeguarding.Web.Tests.DomesticAbuse.Encompass.EncompassPageData;

namespace Safeguarding.Web.Tests.DomesticAbuse.Encompass.Inbox;

/// <summary>The DSL's inbox pages: the two views, the links a row carries, and the banner that confirms an acknowledgement.</summary>
public sealed class InboxTwoStepPageTests
{
    [Theory, BothDatabases]
    public async Task Waiting_and_acknowledged_are_two_views_with_true_counts_and_an_acknowledgement_moves_a_notification_across(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var (_, school, first) = await ReadyAsync(host, partnership.Id, Duration.FromHours(3));
        var (_, _, second) = await ReadyAsync(host, partnership.Id, Duration.FromHours(3), school);
        await RunAsync<EncompassDelivery>(host, d => d.DeliverAllReadyAsync());
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult));
        var url = $"/domestic-abuse/encompass/inbox/{first.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(url, [], url)).StatusCode);

        var waiting = await (await client.GetAsync("/domestic-abuse/encompass/inbox")).HtmlAsync();
        var acknowledged = await (await client.GetAsync("/domestic-abuse/encompass/inbox?show=acknowledged")).HtmlAsync();

        Assert.Equal(["Waiting (1)", "Acknowledged (1)"], waiting.QuerySelectorAll(".app-sub-navigation__link").Select(a => a.TextContent.Trim()));
        Assert.Equal("Waiting (1)", waiting.QuerySelector(".app-sub-navigation__link[aria-current=page]")!.TextContent.Trim());
        Assert.Equal("Acknowledged (1)", acknowledged.QuerySelector(".app-sub-navigation__link[aria-current=page]")!.TextContent.Trim());
        Assert.Equal([$"/domestic-abuse/encompass/inbox/{second.Id}"], Rows(waiting));
        Assert.Equal([url], Rows(acknowledged));
    }

    [Theory, BothDatabases]
    public async Task A_row_links_to_the_childs_record_and_attendance_only_where_the_dsl_may_open_them(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var (_, school, ours) = await ReadyAsync(host, partnership.Id, Duration.FromHours(3));
        var (_, _, notOurs) = await ReadyAsync(host, partnership.Id, Duration.FromHours(3), school);
        var gp = await host.Data.CreateOrganisationAsync(partnership.Id, Core.Platform.Organisations.OrganisationType.GpPractice);
        var pupil = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var patient = await host.Data.CreatePersonAsync(partnership.Id, (gp, PersonLinkKind.RegisteredPatient));
        // Matched once sent: a Ready notification is any delivery run's to claim, in whichever test it runs.
        await RunAsync<EncompassDelivery>(host, d => d.DeliverAllReadyAsync());
        await host.Data.SaveAsync(db =>
        {
            foreach (var (n, person) in new[] { (ours, pupil), (notOurs, patient) })
                db.EncompassNotifications.Single(x => x.Id == n.Id).ChildPersonId = person.Id;
        });
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult));

        var inbox = await (await client.GetAsync("/domestic-abuse/encompass/inbox")).HtmlAsync();

        Assert.NotNull(inbox.QuerySelector($"a[href='/people/{pupil.Id}']"));
        Assert.NotNull(inbox.QuerySelector($"a[href='/learners/children/{pupil.Id}']"));
        Assert.Null(inbox.QuerySelector($"a[href='/people/{patient.Id}']"));
        Assert.Null(inbox.QuerySelector($"a[href='/learners/children/{patient.Id}']"));
        // The links shown open; those not shown would have been refused.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/people/{pupil.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/learners/children/{pupil.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/people/{patient.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/learners/children/{patient.Id}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Acknowledging_after_the_deadline_says_how_late_in_a_success_banner_at_the_top(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var (_, school, late) = await ReadyAsync(host, partnership.Id, Duration.FromHours(3));
        var (_, _, onTime) = await ReadyAsync(host, partnership.Id, Duration.FromHours(3), school);
        await RunAsync<EncompassDelivery>(host, d => d.DeliverAllReadyAsync());
        // Delivered, it was due at the next school day; the morning passes until it is 2 hours 10 minutes overdue.
        await host.Data.SaveAsync(db =>
        {
            db.Attach(late);
            late.Deadline = Now - Duration.FromMinutes(130);
        });
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult));

        var lateUrl = $"/domestic-abuse/encompass/inbox/{late.Id}";
        await client.PostFormAsync(lateUrl, [], lateUrl);
        var lateBanner = await BannerAsync(client, lateUrl);
        var onTimeUrl = $"/domestic-abuse/encompass/inbox/{onTime.Id}";
        await client.PostFormAsync(onTimeUrl, [], onTimeUrl);
        var onTimeBanner = await BannerAsync(client, onTimeUrl);
        var again = await (await client.GetAsync(onTimeUrl)).HtmlAsync();

        // A loaded machine may take a minute or two between setting the deadline and acknowledging.
        Assert.Matches(new Regex("^Acknowledged 2 hours 1[0-9] minutes after the deadline$"), lateBanner);
        Assert.Equal("Acknowledged before the deadline", onTimeBanner);
        Assert.Null(again.QuerySelector(".govuk-notification-banner"));
    }

    [Theory]
    [InlineData(130, "2 hours 10 minutes")]
    [InlineData(60, "1 hour")]
    [InlineData(1, "1 minute")]
    [InlineData(0.5, "1 minute")]
    [InlineData(61, "1 hour 1 minute")]
    [InlineData(60 * 24 + 180 + 5, "1 day 3 hours")]
    [InlineData(60 * 48, "2 days")]
    public void Lateness_reads_in_hours_and_minutes(double minutesLate, string words)
    {
        var deadline = Instant.FromUtc(2026, 12, 7, 8, 30);
        Assert.Equal(words, NotificationModel.LateBy(deadline, deadline + Duration.FromSeconds(minutesLate * 60)));
        Assert.Null(NotificationModel.LateBy(deadline, deadline));
    }

    private static List<string?> Rows(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("#inbox tbody tr td:first-child a[href^='/domestic-abuse/encompass/inbox/']").Select(a => a.GetAttribute("href")).ToList();

    /// <summary>The success banner's heading, which must be the first thing in the page's content.</summary>
    private static async Task<string> BannerAsync(HttpClient client, string url)
    {
        var page = await (await client.GetAsync(url)).HtmlAsync();
        var banner = page.QuerySelector("main .govuk-notification-banner--success")!;
        Assert.Equal("alert", banner.GetAttribute("role"));
        Assert.Equal("h1", banner.NextElementSibling!.NextElementSibling!.LocalName);
        return banner.QuerySelector(".govuk-notification-banner__heading")!.TextContent.Trim();
    }
}
