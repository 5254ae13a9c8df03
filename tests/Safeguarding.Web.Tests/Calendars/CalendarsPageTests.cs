using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Calendars;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Calendars;

/// <summary>The school calendar pages: the council's default, a setting's own, the file, the deadline preview.</summary>
public sealed class CalendarsPageTests
{
    private const string Url = "/calendars/calendar";

    private static string Errors(IHtmlDocument html) =>
        string.Join("\n", html.QuerySelectorAll(".govuk-error-summary__list a").Select(a => $"{a.GetAttribute("href")} {a.TextContent}"));

    private static async Task<(TestHost Host, Organisation Council, Organisation School, Organisation Other)> PartnershipAsync(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        return (host, await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService),
            await host.Data.CreateOrganisationAsync(partnership.Id), await host.Data.CreateOrganisationAsync(partnership.Id));
    }

    private static Task<HttpResponseMessage> PublishAsync(HttpClient client, string url, string dayStart, string terms, string closures) =>
        client.PostFormAsync(url, new Dictionary<string, string> { ["DayStart"] = dayStart, ["Terms"] = terms, ["Closures"] = closures });

    private static async Task<string> DeadlineAsync(HttpClient client, string url, string reportedAt) =>
        (await (await client.GetAsync($"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}ReportedAt={Uri.EscapeDataString(reportedAt)}")).HtmlAsync())
            .QuerySelector("#deadline code")!.TextContent;

    [Theory, BothDatabases]
    public async Task The_council_publishes_the_default_calendar_previews_a_deadline_and_downloads_it_for_the_command_line(DatabaseProvider provider)
    {
        var (host, council, _, _) = await PartnershipAsync(provider);
        var lead = await host.Data.CreateUserAsync(council, Role.EducationLead);
        var client = await host.SignInAsync(lead);

        var published = await PublishAsync(client, Url, "08:45", "2026-09-03 to 2026-10-23\n2026-11-02 to 2026-12-18", "2026-11-02");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        // Reported on the last afternoon before half-term: the first day back is an INSET day, so the deadline is the day after.
        Assert.Equal("2026-11-03T08:45:00+00:00", await DeadlineAsync(client, Url, "2026-10-23 17:00"));
        Assert.Equal("2026-11-03T08:45:00+00:00", await DeadlineAsync(client, Url, "2026-10-23T16:00:00Z"));
        var badTime = await (await client.GetAsync($"{Url}?ReportedAt=tomorrow")).HtmlAsync();
        Assert.Equal("#ReportedAt Enter when the incident was reported as a date and time, such as 2026-12-24 22:15", Errors(badTime));

        // The page speaks to the education lead, not to an operator: no command line on it.
        Assert.DoesNotContain("safeguard ", (await (await client.GetAsync(Url)).HtmlAsync()).QuerySelector("main")!.TextContent);
        var file = await client.GetAsync($"{Url}?handler=Download");
        Assert.Equal("application/json", file.Content.Headers.ContentType!.MediaType);
        var days = CalendarFile.Parse(await file.Content.ReadAsStringAsync(), "calendar.json");
        Assert.Equal((new LocalTime(8, 45), 2, new LocalDate(2026, 11, 2)), (days.DayStart, days.Terms.Count, days.Closures.Single()));

        await using var db = host.NewContext();
        var calendar = await db.SchoolCalendars.SingleAsync(c => c.PartnershipId == council.PartnershipId && c.OrganisationId == null);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ResourceType == nameof(SchoolCalendar) && e.ResourceId == calendar.Id.ToString()
                                                       && e.ActorUserId == lead.User.Id && e.Action == AuditActions.Create));
    }

    [Theory, BothDatabases]
    public async Task A_calendar_with_an_overlap_a_closure_outside_its_terms_a_backwards_term_or_a_bad_time_is_refused_with_each_problem(DatabaseProvider provider)
    {
        var (host, council, _, _) = await PartnershipAsync(provider);
        var admin = await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator);
        var client = await host.SignInAsync(admin);

        var backwards = await (await PublishAsync(client, Url, "25:00", "2026-10-23 to 2026-09-03\n2026-11-31 to 2026-12-18", "03/09/2026")).HtmlAsync();
        Assert.Equal("""
            #DayStart Enter the time the school day starts as hours and minutes, such as 08:30 ('25:00' is not a time)
            #Terms Terms, line 1: the term ends (2026-09-03) before it starts (2026-10-23)
            #Terms Terms, line 2: '2026-11-31' is not a date written YYYY-MM-DD
            #Closures Closures, line 1: '03/09/2026' is not a date written YYYY-MM-DD
            """.ReplaceLineEndings("\n"), Errors(backwards));

        var overlapping = await (await PublishAsync(client, Url, "08:30", "2026-09-03 to 2026-10-23\n2026-10-20 to 2026-12-18", "2026-12-25")).HtmlAsync();
        Assert.Equal("""
            #Terms The term from 2026-10-20 to 2026-12-18 overlaps the term from 2026-09-03 to 2026-10-23
            #Closures The closure on 2026-12-25 is not in any term
            """.ReplaceLineEndings("\n"), Errors(overlapping));
        Assert.Equal("2026-10-20 to 2026-12-18", overlapping.QuerySelector("textarea#Terms")!.TextContent.Split('\n')[1]);

        await using var db = host.NewContext();
        Assert.False(await db.SchoolCalendars.AnyAsync(c => c.PartnershipId == council.PartnershipId));
    }

    [Theory, BothDatabases]
    public async Task A_calendar_file_replaces_the_calendar_and_one_that_cannot_be_read_names_its_line_and_column(DatabaseProvider provider)
    {
        var (host, council, _, _) = await PartnershipAsync(provider);
        var lead = await host.Data.CreateUserAsync(council, Role.EducationLead);
        var client = await host.SignInAsync(lead);

        async Task<HttpResponseMessage> SendAsync(string name, string json)
        {
            var token = (await (await client.GetAsync(Url)).HtmlAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            form.Add(file, "CalendarFile", name);
            form.Add(new StringContent(token), "__RequestVerificationToken");
            return await client.PostAsync($"{Url}?handler=Upload", form);
        }

        var broken = await (await SendAsync("calendar.json", "{\"dayStart\":\"08:30\",\n \"terms\":[{\"start\":\"2026-09-03\",\"end\":\"2026-10-32\"}]}")).HtmlAsync();
        Assert.Equal("#CalendarFile The file cannot be read: calendar.json:2:39: a term's end \"2026-10-32\" is not a date written yyyy-mm-dd", Errors(broken));
        var outside = await (await SendAsync("calendar.json", "{\"terms\":[{\"start\":\"2026-09-03\",\"end\":\"2026-10-23\"}],\"closures\":[\"2026-08-31\"]}")).HtmlAsync();
        Assert.Equal("#CalendarFile calendar.json: The closure on 2026-08-31 is not in any term", Errors(outside));
        await using (var db = host.NewContext())
            Assert.False(await db.SchoolCalendars.AnyAsync(c => c.PartnershipId == council.PartnershipId));

        var sent = await SendAsync("calendar.json", "{\"dayStart\":\"09:00\",\"terms\":[{\"start\":\"2026-09-03\",\"end\":\"2026-10-23\"}],\"closures\":[\"2026-09-03\"]}");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("2026-09-04T09:00:00+01:00", await DeadlineAsync(client, Url, "2026-09-02 12:00"));
    }

    [Theory, BothDatabases]
    public async Task A_file_larger_than_a_calendar_can_be_is_refused_before_it_is_read_with_the_limit_on_the_page(DatabaseProvider provider)
    {
        var (host, council, _, _) = await PartnershipAsync(provider);
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.EducationLead));
        var token = (await (await client.GetAsync(Url)).HtmlAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(new byte[3 * 1024 * 1024]), "CalendarFile", "calendar.json");
        form.Add(new StringContent(token), "__RequestVerificationToken");

        var refused = await client.PostAsync($"{Url}?handler=Upload", form);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var page = await (await client.GetAsync(refused.Headers.Location!.OriginalString)).HtmlAsync();
        Assert.Equal("#CalendarFile The selected file must be smaller than 1 MB", Errors(page));
        await using var db = host.NewContext();
        Assert.False(await db.SchoolCalendars.AnyAsync(c => c.PartnershipId == council.PartnershipId));
    }

    [Theory, BothDatabases]
    public async Task A_setting_keeps_its_own_calendar_over_the_default_and_no_other_settings(DatabaseProvider provider)
    {
        var (host, council, school, other) = await PartnershipAsync(provider);
        var lead = await host.Data.CreateUserAsync(council, Role.EducationLead);
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var socialWorker = await host.Data.CreateUserAsync(council, Role.SocialWorker);
        await PublishAsync(await host.SignInAsync(lead), Url, "", "2026-09-03 to 2026-10-23\n2026-11-02 to 2026-12-18", "");
        var client = await host.SignInAsync(keyAdult);
        var own = $"{Url}?setting={school.Id}";

        // No terms of its own: the council's terms, its own start time and INSET day.
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(client, own, "09:00", "", "2026-11-02\n2026-11-03")).StatusCode);
        Assert.Equal("2026-11-04T09:00:00+00:00", await DeadlineAsync(client, own, "2026-10-23 17:00"));
        // Its closure outside the council's terms is refused.
        Assert.Equal("#Closures The closure on 2026-10-26 is not in any term", Errors(await (await PublishAsync(client, own, "09:00", "", "2026-10-26")).HtmlAsync()));

        // The default it may see, not change; another setting's it may not see at all.
        var defaultPage = await (await client.GetAsync(Url)).HtmlAsync();
        Assert.Null(defaultPage.QuerySelector("textarea#Terms"));
        Assert.Equal("2026-11-02T08:30:00+00:00", await DeadlineAsync(client, Url, "2026-10-23 17:00"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync(Url, new Dictionary<string, string> { ["Terms"] = "2026-09-03 to 2026-10-23" }, own)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Url}?setting={other.Id}")).StatusCode);
        var list = await (await client.GetAsync("/calendars")).HtmlAsync();
        Assert.Equal([school.Name], list.QuerySelectorAll("#settings tbody tr th, #settings tbody tr td:first-child").Select(c => c.TextContent.Trim()));

        // The council sees every setting and which have their own.
        var councilList = await (await (await host.SignInAsync(lead)).GetAsync("/calendars")).HtmlAsync();
        var rows = councilList.QuerySelectorAll("#settings tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Contains([school.Name, school.Urn!, "Its own"], rows);
        Assert.Contains([other.Name, other.Urn!, "Follows the council's"], rows);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.SignInAsync(socialWorker)).GetAsync("/calendars")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task The_old_calendar_addresses_under_encompass_redirect_for_good_with_their_query(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var client = host.AnonymousClient();

        foreach (var (old, moved) in new[]
                 {
                     ("/domestic-abuse/encompass/calendars", "/calendars"),
                     ("/domestic-abuse/encompass/calendars/calendar?setting=5f0e&ReportedAt=2026-10-23%2017:00", "/calendars/calendar?setting=5f0e&ReportedAt=2026-10-23%2017:00"),
                 })
        {
            var response = await client.GetAsync(old);
            Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
            Assert.Equal(moved, response.Headers.Location!.OriginalString);
        }
    }
}
