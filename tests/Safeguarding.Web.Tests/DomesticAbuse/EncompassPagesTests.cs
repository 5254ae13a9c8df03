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

namespace Safeguarding.Web.Tests.DomesticAbuse;

/// <summary>The upload page, the quarantine pages and the Front Door's queue, as their users meet them.</summary>
public sealed class EncompassPagesTests
{
    private const string UploadUrl = "/domestic-abuse/encompass/upload";

    private static string Incident(string reference, string category = "Physical") => JsonSerializer.Serialize(new
    {
        policeReference = reference, occurredAt = "2026-03-27T20:10:00+00:00", reportedAt = "2026-03-27T20:40:00+00:00", postcode = "AV1 1AA",
        category, summary = "Shouting heard by neighbours.",
        children = new[] { new { givenName = "Robin", familyName = "Unplaced", dateOfBirth = "2016-05-06", present = true, sawOrHeard = true, resident = true, spokenTo = false } },
    });

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

    private static async Task<(TestHost Host, Organisation Police, TestUser Analyst)> PoliceAnalystAsync(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var police = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        return (host, police, await host.Data.CreateUserAsync(police, Role.PoliceDomesticAbuse));
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

    [Theory, BothDatabases]
    public async Task Quarantine_pages_are_forbidden_to_a_police_analyst(DatabaseProvider provider)
    {
        var (host, _, analyst) = await PoliceAnalystAsync(provider);
        var client = await host.SignInAsync(analyst);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/quarantine")).StatusCode);
    }

    private static async Task<(TestHost Host, TestUser Admin, Guid RecordId, string Reference)> HeldIncidentAsync(DatabaseProvider provider)
    {
        var (host, police, _) = await PoliceAnalystAsync(provider);
        var council = await host.Data.CreateOrganisationAsync(police.PartnershipId, OrganisationType.CouncilService);
        var admin = await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator);
        var reference = $"AV-{Guid.NewGuid():N}"[..16];
        await using var db = host.NewContext();
        var sender = new Actor(police.PartnershipId, police.Id, "Police system", new HashSet<Role> { Role.PoliceDomesticAbuse });
        var intake = new IncidentIntake(db, new Core.People.PersonIndex(db), new Quarantine(db));
        var held = await intake.ReceiveAsync(new ReceiveIncidentOptions(Incident(reference, category: "Shouting"), "test"), new ProcessContext("test", sender));
        return (host, admin, held.QuarantinedRecordId!.Value, reference);
    }

    [Theory, BothDatabases]
    public async Task Administrator_sees_the_held_record_with_its_reason_and_the_opening_is_audited(DatabaseProvider provider)
    {
        var (host, admin, id, _) = await HeldIncidentAsync(provider);
        var client = await host.SignInAsync(admin);

        var list = await (await client.GetAsync("/admin/quarantine")).HtmlAsync();
        var record = await (await client.GetAsync($"/admin/quarantine/{id}")).HtmlAsync();

        Assert.Contains("category: Category must be one of", list.QuerySelector("table")!.TextContent);
        Assert.Contains("\"category\":\"Shouting\"", record.QuerySelector("pre")!.TextContent);
        await using var db = host.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ResourceId == id.ToString() && e.Action == AuditActions.Read && e.ActorUserId == admin.User.Id));
    }

    [Theory, BothDatabases]
    public async Task Discarding_without_a_reason_shows_the_error_summary_and_keeps_the_record_waiting(DatabaseProvider provider)
    {
        var (host, admin, id, _) = await HeldIncidentAsync(provider);
        var client = await host.SignInAsync(admin);

        var response = await client.PostFormAsync($"/admin/quarantine/{id}?handler=Discard", new() { ["DiscardReason"] = " " }, $"/admin/quarantine/{id}");

        Assert.Contains("Enter why the record is discarded", (await response.HtmlAsync()).QuerySelector(".govuk-error-summary")!.TextContent);
        await using var db = host.NewContext();
        Assert.Equal(QuarantineStatus.Waiting, (await db.QuarantinedRecords.SingleAsync(r => r.Id == id)).Status);
    }

    [Theory, BothDatabases]
    public async Task A_corrected_incident_is_released_through_the_intake(DatabaseProvider provider)
    {
        var (host, admin, id, reference) = await HeldIncidentAsync(provider);
        var client = await host.SignInAsync(admin);

        var stillWrong = await client.PostFormAsync($"/admin/quarantine/{id}?handler=Release", new() { ["Corrected"] = Incident(reference, category: "Loud") }, $"/admin/quarantine/{id}");
        var released = await client.PostFormAsync($"/admin/quarantine/{id}?handler=Release", new() { ["Corrected"] = Incident(reference) }, $"/admin/quarantine/{id}");

        Assert.Contains("still breaks 1 rules", (await stillWrong.HtmlAsync()).QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Contains("stored as version 1", (await released.HtmlAsync()).QuerySelector(".govuk-panel")!.TextContent);
        await using var db = host.NewContext();
        Assert.Equal(QuarantineStatus.Released, (await db.QuarantinedRecords.SingleAsync(r => r.Id == id)).Status);
        Assert.True(await db.DomesticIncidents.AnyAsync(i => i.PoliceReference == reference));
    }

    [Theory, BothDatabases]
    public async Task Front_door_places_a_child_no_roll_gave_and_the_school_is_told(DatabaseProvider provider)
    {
        var (host, admin, id, reference) = await HeldIncidentAsync(provider);
        var adminClient = await host.SignInAsync(admin);
        await adminClient.PostFormAsync($"/admin/quarantine/{id}?handler=Release", new() { ["Corrected"] = Incident(reference) }, $"/admin/quarantine/{id}");
        var school = await host.Data.CreateOrganisationAsync(admin.User.PartnershipId);
        var practitioner = await host.Data.CreateUserAsync(await host.Data.CreateOrganisationAsync(admin.User.PartnershipId, OrganisationType.CouncilService), Role.FrontDoorPractitioner);
        var client = await host.SignInAsync(practitioner);
        Guid childId;
        await using (var db = host.NewContext())
            childId = await db.DomesticIncidents.Where(i => i.PoliceReference == reference).SelectMany(i => i.Children).Select(c => c.Id).SingleAsync();

        var queue = await (await client.GetAsync("/domestic-abuse/encompass/children-to-place")).HtmlAsync();
        var invalid = await client.PostFormAsync($"/domestic-abuse/encompass/children-to-place/{childId}", new() { ["Setting"] = "" });
        var placed = await client.PostFormAsync($"/domestic-abuse/encompass/children-to-place/{childId}", new() { ["Setting"] = school.Id.ToString() });

        Assert.Contains("Robin Unplaced", queue.QuerySelector("table")!.TextContent);
        Assert.Contains("Select the child's school or college", (await invalid.HtmlAsync()).QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Contains($"{school.Name} has been told", (await placed.HtmlAsync()).QuerySelector(".govuk-panel")!.TextContent);
        await using var check = host.NewContext();
        var notification = await check.EncompassNotifications.SingleAsync(n => n.IncidentChildId == childId);
        Assert.Equal(school.Id, notification.RecipientOrganisationId);
        Assert.True(await check.AuditEntries.AnyAsync(e => e.ResourceType == nameof(EncompassNotification) && e.ActorUserId == practitioner.User.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.SignInAsync(admin)).GetAsync("/domestic-abuse/encompass/children-to-place")).StatusCode);
    }
}
