using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Imports;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;
using static Safeguarding.Web.Tests.DomesticAbuse.Encompass.EncompassPageData;

namespace Safeguarding.Web.Tests.DomesticAbuse.Encompass.Upload;

public sealed class UploadPageTests
{
    private const string UploadUrl = "/domestic-abuse/encompass/upload";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, string content)
    {
        var page = await client.GetAsync(UploadUrl);
        var token = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/json");
        form.Add(file, "IncidentFile", fileName);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(UploadUrl, form);
    }

    [Theory, BothDatabases]
    public async Task Upload_is_forbidden_to_a_school_key_adult(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(UploadUrl)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Upload_of_a_file_that_is_not_json_or_csv_shows_the_error_summary_and_saves_nothing(DatabaseProvider provider)
    {
        var (host, police, analyst) = await PoliceAnalystAsync(provider);
        var client = await host.SignInAsync(analyst);

        var response = await UploadAsync(client, "incidents.txt", Incident("AV-1"));

        var html = await response.HtmlAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The selected file must be a JSON or CSV file", html.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal("#IncidentFile", html.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        await using var db = host.NewContext();
        Assert.False(await db.DomesticIncidents.AnyAsync(i => i.ForceOrganisationId == police.Id));
    }

    [Theory, BothDatabases]
    public async Task Upload_of_broken_json_names_the_line_and_column(DatabaseProvider provider)
    {
        var (host, _, analyst) = await PoliceAnalystAsync(provider);
        var client = await host.SignInAsync(analyst);

        var response = await UploadAsync(client, "incidents.json", "[\n  {\"policeReference\": \"AV-1\",,}\n]");

        Assert.Contains("incidents.json:2:", (await response.HtmlAsync()).QuerySelector(".govuk-error-summary")!.TextContent);
    }

    [Theory, BothDatabases]
    public async Task Upload_shows_a_result_for_each_incident_and_the_writes_are_audited_as_the_analyst(DatabaseProvider provider)
    {
        var (host, police, analyst) = await PoliceAnalystAsync(provider);
        var client = await host.SignInAsync(analyst);
        var (good, bad) = ($"AV-{Guid.NewGuid():N}"[..16], $"AV-{Guid.NewGuid():N}"[..16]);

        var response = await UploadAsync(client, "incidents.json", $"[{Incident(good)},{Incident(bad, category: "Shouting")}]");

        var rows = (await response.HtmlAsync()).QuerySelectorAll("#results tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(good, rows[0]);
        Assert.Contains("Accepted as version 1", rows[0]);
        Assert.Contains("1 children waiting for the Front Door", rows[0]);
        Assert.Contains("Quarantined", rows[1]);
        Assert.Contains("category: Category must be one of", rows[1]);
        await using var db = host.NewContext();
        var incident = await db.DomesticIncidents.SingleAsync(i => i.ForceOrganisationId == police.Id);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ResourceType == nameof(DomesticIncident) && e.ResourceId == incident.Id.ToString()
                                                       && e.ActorUserId == analyst.User.Id && e.Action == AuditActions.Create));
    }
}
