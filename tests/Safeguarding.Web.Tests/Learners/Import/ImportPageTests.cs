using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners.Attendance;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Learners.Import;

/// <summary>The attendance import page: who may import for which schools, a bad file refused whole, and the result it shows.</summary>
public sealed class ImportPageTests
{
    private const string ImportUrl = "/learners/import";

    // The page offers this academic year and the last; the files are for this one.
    private static readonly AcademicYear Year = AcademicYear.Containing(SystemClock.Instance.GetCurrentInstant().InUtc().Date);

    private static readonly string A = Upn.CheckLetter("801200007001") + "801200007001";

    private static string FirstSchoolDay
    {
        get
        {
            var day = Year.Start;
            while (AcademicYear.IsWeekend(day)) day = day.PlusDays(1);
            return day.ToString("uuuu-MM-dd", null);
        }
    }

    private static string Roll(string urn) => $"upn,urn,date_of_birth,sex,year_group,sen_provision,sen_primary_need,fsm\n{A},{urn},{Year.StartYear - 9}-03-01,F,4,N,,false\n";

    private static string Marks(string urn) => $"upn,urn,date,session,code\n{A},{urn},{FirstSchoolDay},AM,/\n{A},{urn},{FirstSchoolDay},PM,Q9\n";

    private static string Census(string urn) => $"urn,census_date,headcount\n{urn},{Year.StartYear + 1}-01-16,412\n";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, params (string Field, string Name, string Content)[] files)
    {
        var page = await client.GetAsync(ImportUrl);
        var token = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        foreach (var (field, name, content) in files)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, field, name);
        }
        form.Add(new StringContent(Year.StartYear.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Year");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(ImportUrl, form);
    }

    private static string Text(AngleSharp.Html.Dom.IHtmlDocument html, string selector) =>
        string.Join(" ", (html.QuerySelector(selector)?.TextContent ?? "").Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    [Theory, BothDatabases]
    public async Task The_education_lead_imports_every_file_sees_what_changed_and_the_same_files_again_change_nothing(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.EducationLead, Role.PartnershipAdministrator));
        var registers = "register,upn,given_name,family_name,date_of_birth,sex,postcode,start_date,end_date,reason,last_school_urn\n" +
                        $"EHE,,Tomasz,Nowak,{Year.StartYear - 10}-11-20,M,,{Year.StartYear}-09-09,,Parents' preference,\n";
        (string, string, string)[] files =
            [("Pupils", "roll.csv", Roll(school.Urn!)), ("Marks", "marks.csv", Marks(school.Urn!)), ("Census", "census.csv", Census(school.Urn!)), ("Registers", "registers.csv", registers)];

        var first = await UploadAsync(client, files);
        var second = await UploadAsync(client, files);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var html = await first.HtmlAsync();
        Assert.Null(html.QuerySelector(".govuk-error-summary"));
        var result = Text(html, "#result");
        Assert.Contains("1 rows read: 1 enrolments added, 0 updated", result);
        Assert.Contains("2 rows read: 1 marks applied, 0 changed by a later mark for the same session, 0 already held", result);
        Assert.Contains("1 rows read: 1 added, 0 updated", result);
        Assert.Contains("1 rows read: 1 children added, 0 updated, 0 unchanged", result);
        Assert.Contains("1 rows, 1 newly held for correction", result);
        Assert.Contains("marks.csv:3:5 'Q9' is not a register code.", Text(html, "#problems tbody"));
        Assert.NotNull(html.QuerySelector("a[href='/admin/quarantine']"));
        Assert.Null(html.QuerySelector("#nothing-changed"));
        var again = await second.HtmlAsync();
        Assert.NotNull(again.QuerySelector("#nothing-changed"));
        Assert.Contains("1 already held", Text(again, "#result"));
        Assert.Contains("0 children added, 0 updated, 1 unchanged", Text(again, "#result"));
        await using var db = host.Database.NewContext();
        Assert.Equal(412, (await db.SchoolCensuses.SingleAsync(c => c.PartnershipId == partnership.Id, TestContext.Current.CancellationToken)).Headcount);
    }

    [Theory, BothDatabases]
    public async Task A_school_imports_its_own_school_only_and_a_file_with_another_schools_row_saves_nothing(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var other = await host.Data.CreateOrganisationAsync(partnership.Id);
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult));

        var page = await (await client.GetAsync(ImportUrl)).HtmlAsync();
        var refused = await UploadAsync(client, ("Census", "census.csv", Census(school.Urn!)), ("Pupils", "roll.csv", Roll(other.Urn!)));
        var own = await UploadAsync(client, ("Pupils", "roll.csv", Roll(school.Urn!)));

        Assert.Contains($"your own school only: {school.Name} (URN {school.Urn})", page.Body!.TextContent);
        Assert.Null(page.QuerySelector("input[name=Registers]"));
        var html = await refused.HtmlAsync();
        var summary = html.QuerySelector(".govuk-error-summary a[href='#Pupils']")!.TextContent;
        Assert.Equal($"The roll file cannot be imported: roll.csv:2:2: the school {other.Urn} is not yours: you may import for your own school ({school.Urn}) only.", summary);
        Assert.Contains("1 enrolments added", Text(await own.HtmlAsync(), "#result"));
        await using var db = host.Database.NewContext();
        Assert.Equal(0, await db.SchoolCensuses.CountAsync(c => c.PartnershipId == partnership.Id, TestContext.Current.CancellationToken));
        Assert.Equal([school.Urn!], await db.Enrolments.Where(e => e.PartnershipId == partnership.Id).Select(e => e.Urn).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Theory, BothDatabases]
    public async Task A_file_that_cannot_be_read_is_named_by_file_line_and_column_and_nothing_from_the_upload_is_saved(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.Analyst));

        var response = await UploadAsync(client, ("Census", "census.csv", Census("100001")), ("Marks", "marks.csv", "upn,urn,date,session\n"));
        var empty = await UploadAsync(client);
        var notCsv = await UploadAsync(client, ("Census", "census.xlsx", Census("100001")));

        var summary = (await response.HtmlAsync()).QuerySelectorAll(".govuk-error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Equal([("#Marks", "The marks file cannot be imported: marks.csv:1:1: the header has no 'code' column; expected upn,urn,date,session,code.")], summary);
        Assert.Equal("Select at least one file to import", (await empty.HtmlAsync()).QuerySelector(".govuk-error-summary a[href='#Pupils']")!.TextContent);
        Assert.Equal("The census file must be a CSV file", (await notCsv.HtmlAsync()).QuerySelector(".govuk-error-summary a[href='#Census']")!.TextContent);
        await using var db = host.Database.NewContext();
        Assert.Equal(0, await db.SchoolCensuses.CountAsync(c => c.PartnershipId == partnership.Id, TestContext.Current.CancellationToken));
    }

    [Theory, BothDatabases]
    public async Task Analysts_may_open_the_page_and_social_workers_may_not(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var analyst = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.Analyst));
        var socialWorker = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.SocialWorker));

        var page = await analyst.GetAsync(ImportUrl);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null((await page.HtmlAsync()).QuerySelector("input[name=Registers]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await socialWorker.GetAsync(ImportUrl)).StatusCode);
    }
}
