using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners.Rolls;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Imports;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Learners.Rolls;

/// <summary>The pupil roll page as a setting's data manager, its Key Adult and the council meet it.</summary>
public sealed class RollsPageTests
{
    private const string Url = "/learners/rolls";
    private const string Header = "id,upn,given_name,family_name,date_of_birth,sex,postcode,address,start_date,leaving_date,enrol_status";

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string fileName, string content, Guid? setting = null)
    {
        var page = await client.GetAsync(Url);
        var token = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/xml");
        form.Add(file, "RollFile", fileName);
        if (setting is { } id) form.Add(new StringContent(id.ToString()), "Setting");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(Url, form);
    }

    private static string Csv(params string[] rows) => string.Join('\n', [Header, .. rows]) + "\n";

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static List<(string Id, string Result)> Results(AngleSharp.Html.Dom.IHtmlDocument html) =>
        [.. html.QuerySelectorAll("#results tbody tr").Select(r => r.QuerySelectorAll("td").ToList()).Select(c => (c[1].TextContent.Trim(), c[2].TextContent.Trim()))];

    [Theory, BothDatabases]
    public async Task A_data_manager_sends_the_roll_and_sees_each_pupil_added_updated_left_or_rejected_into_the_quarantine(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var manager = await host.Data.CreateUserAsync(school, Role.SettingDataManager);
        var client = await host.SignInAsync(manager);

        var first = await (await SendAsync(client, "autumn.csv", Csv(
            "P1,A100000000001,Ava,Example,2016-04-05,F,AV1 2BB,1 Example Street,2024-09-04,,C",
            "P2,A100000000002,Ben,Sample,2015-01-02,M,AV1 2BC,2 Example Street,2024-09-04,,C",
            "P3,A100000000003,,Nameless,2015-03-04,M,AV1 2BD,3 Example Street,2024-09-04,,C"))).HtmlAsync();

        Assert.Equal([("P1", "Added"), ("P2", "Added"), ("P3", "Rejected")], Results(first));
        Assert.Contains("The pupil's given name is missing", first.QuerySelector("#results")!.TextContent);
        Assert.Contains("3 pupils listed. 2 added, 0 updated, 0 left the roll, 1 rejected.", Words(first.QuerySelector("#roll-summary")!.TextContent));

        var second = await (await SendAsync(client, "spring.csv", Csv(
            "P1,A100000000001,Ava,Example,2016-04-05,F,AV1 2BB,1 Example Street,2024-09-04,,C"))).HtmlAsync();
        Assert.Equal([("P1", "Updated"), ("P2", "Left the roll")], Results(second));

        var uploads = second.QuerySelectorAll("#uploads tbody tr").Select(r => r.QuerySelectorAll("td").Skip(1).Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal([[manager.User.DisplayName, "spring.csv", "1", "0", "1", "1", "0"], [manager.User.DisplayName, "autumn.csv", "3", "2", "0", "0", "1"]], uploads);

        await using var db = host.NewContext();
        var held = await db.QuarantinedRecords.SingleAsync(r => r.SentByOrganisationId == school.Id);
        Assert.Equal((PupilRolls.QuarantineKind, QuarantineStatus.Waiting), (held.Kind, held.Status));
        Assert.Contains("P3,A100000000003,,Nameless", held.Raw, StringComparison.Ordinal);
        var registrations = await db.PupilRegistrations.Where(r => r.OrganisationId == school.Id).OrderBy(r => r.LocalId).ToListAsync();
        Assert.Equal([("P1", false), ("P2", true)], registrations.Select(r => (r.LocalId, r.LeftOn is not null)));
    }

    [Theory, BothDatabases]
    public async Task A_file_that_cannot_be_read_shows_where_in_the_error_summary_and_saves_nothing(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var client = await host.SignInAsync(keyAdult);

        var badRow = await (await SendAsync(client, "roll.csv", Csv(
            "P1,A100000000001,Ava,Example,2016-04-05,F,AV1 2BB,1 Example Street,2024-09-04,,C",
            "P2,A100000000002,Ben,Sample,2015-01-02"))).HtmlAsync();
        var summary = badRow.QuerySelectorAll(".govuk-error-summary__list a").Select(a => (a.GetAttribute("href"), a.TextContent)).Single();
        Assert.Equal(("#RollFile", "The file cannot be read: roll.csv:3:1: expected 11 columns, found 5"), summary);

        var badXml = await (await SendAsync(client, "roll.xml", "<CTfile>\n  <Header>\n</CTfile>")).HtmlAsync();
        Assert.StartsWith("The file cannot be read: roll.xml:3:3:", badXml.QuerySelector(".govuk-error-summary__list a")!.TextContent, StringComparison.Ordinal);

        var wrongType = await (await SendAsync(client, "roll.txt", "hello")).HtmlAsync();
        Assert.Equal("The selected file must be a CSV file or a Common Transfer File (.xml)", wrongType.QuerySelector(".govuk-error-summary__list a")!.TextContent);

        await using var db = host.NewContext();
        Assert.False(await db.PupilRegistrations.AnyAsync(r => r.OrganisationId == school.Id));
        Assert.False(await db.RollUploads.AnyAsync(u => u.OrganisationId == school.Id));
        Assert.False(await db.QuarantinedRecords.AnyAsync(r => r.SentByOrganisationId == school.Id));
    }

    [Theory, BothDatabases]
    public async Task A_setting_sends_and_sees_only_its_own_roll_while_the_council_chooses_any_setting(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var other = await host.Data.CreateOrganisationAsync(partnership.Id);
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var lead = await host.Data.CreateUserAsync(council, Role.EducationLead);
        var admin = await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator);
        var socialWorker = await host.Data.CreateUserAsync(council, Role.SocialWorker);
        var roll = Csv("P1,A100000000001,Ava,Example,2016-04-05,F,AV1 2BB,1 Example Street,2024-09-04,,C");

        // Another setting's roll: the council sends it, and the school never sees it.
        var leadClient = await host.SignInAsync(lead);
        var leadPage = await (await leadClient.GetAsync(Url)).HtmlAsync();
        Assert.Contains(other.Name, leadPage.QuerySelector("select#Setting")!.TextContent);
        var noSetting = await (await SendAsync(leadClient, "roll.csv", roll)).HtmlAsync();
        Assert.Equal(("#Setting", "Select the school or college whose roll this is"),
            noSetting.QuerySelectorAll(".govuk-error-summary__list a").Select(a => (a.GetAttribute("href"), a.TextContent)).First());
        Assert.Equal([("P1", "Added")], Results(await (await SendAsync(leadClient, "other.csv", roll, other.Id)).HtmlAsync()));

        var adminClient = await host.SignInAsync(admin);
        Assert.Equal([("P1", "Updated")], Results(await (await SendAsync(adminClient, "other-again.csv", roll, other.Id)).HtmlAsync()));

        var schoolClient = await host.SignInAsync(keyAdult);
        var schoolPage = await (await schoolClient.GetAsync($"{Url}?setting={other.Id}")).HtmlAsync();
        Assert.Null(schoolPage.QuerySelector("select#Setting"));
        Assert.Null(schoolPage.QuerySelector("#uploads"));
        Assert.DoesNotContain("other.csv", schoolPage.Body!.TextContent);
        // Naming the other setting in the form changes nothing: the school's roll is its own.
        Assert.Equal([("P1", "Added")], Results(await (await SendAsync(schoolClient, "mine.csv", roll, other.Id)).HtmlAsync()));

        await using (var db = host.NewContext())
        {
            Assert.Equal(["mine.csv"], await db.RollUploads.Where(u => u.OrganisationId == school.Id).Select(u => u.FileName).ToListAsync());
            Assert.Equal(2, await db.RollUploads.CountAsync(u => u.OrganisationId == other.Id));
        }

        // A Common Transfer File from another school is refused.
        var ctf = $"<CTfile><Header><SourceSchool><URN>{other.Urn}</URN></SourceSchool></Header><CTFpupilData></CTFpupilData></CTfile>";
        var refused = await (await SendAsync(schoolClient, "other.xml", ctf)).HtmlAsync();
        Assert.Contains($"URN {other.Urn}", refused.QuerySelector(".govuk-error-summary")!.TextContent);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.SignInAsync(socialWorker)).GetAsync(Url)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task The_old_pupil_roll_address_under_encompass_redirects_for_good_with_its_query(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var client = host.AnonymousClient();

        var response = await client.GetAsync("/domestic-abuse/encompass/pupil-roll?setting=5f0e");

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal("/learners/rolls?setting=5f0e", response.Headers.Location!.OriginalString);
    }
}
