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

namespace Safeguarding.Web.Tests.Admin.Quarantine;

public sealed class QuarantinePageTests
{
    [Theory, BothDatabases]
    public async Task Quarantine_pages_are_forbidden_to_a_police_analyst(DatabaseProvider provider)
    {
        var (host, _, analyst) = await PoliceAnalystAsync(provider);
        var client = await host.SignInAsync(analyst);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/quarantine")).StatusCode);
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
    public async Task A_council_administrator_may_not_release_an_incident_as_the_police_force(DatabaseProvider provider)
    {
        var (host, forceAdmin, id, reference) = await HeldIncidentAsync(provider);
        var council = await host.Data.CreateOrganisationAsync(forceAdmin.User.PartnershipId, OrganisationType.CouncilService);
        var councilAdmin = await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator);
        var client = await host.SignInAsync(councilAdmin);

        var refused = await client.PostFormAsync($"/admin/quarantine/{id}?handler=Release", new() { ["Corrected"] = Incident(reference) }, $"/admin/quarantine/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await using var db = host.NewContext();
        Assert.Equal(QuarantineStatus.Waiting, (await db.QuarantinedRecords.SingleAsync(r => r.Id == id)).Status);
        Assert.False(await db.DomesticIncidents.AnyAsync(i => i.PoliceReference == reference));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ResourceId == id.ToString() && e.Outcome == AuditOutcome.Denied && e.ActorUserId == councilAdmin.User.Id));
    }
}
