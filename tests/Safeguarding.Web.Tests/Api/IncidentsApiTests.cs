using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform.Imports;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Api;

public sealed class IncidentsApiTests
{
    private const string Url = "/api/v1/domestic-abuse/incidents";

    internal static string Incident(string reference, string summary = "Neighbours heard shouting; officers attended.", string category = "Physical", string childFamily = "Example") =>
        JsonSerializer.Serialize(new
        {
            policeReference = reference,
            occurredAt = "2026-03-27T20:10:00+00:00",
            reportedAt = "2026-03-27T20:40:00+00:00",
            postcode = "AV1 1AA",
            address = "1 Example Street",
            category,
            summary,
            adults = new[] { new { role = "Victim", givenName = "Alex", familyName = "Example", dateOfBirth = "1990-02-03" } },
            children = new[] { new { givenName = "Robin", familyName = childFamily, dateOfBirth = "2016-05-06", sex = "Female", present = true, sawOrHeard = true, resident = true, spokenTo = false } },
        });

    private static async Task<(TestHost Host, Organisation Police, HttpClient Client)> PoliceSystemAsync(DatabaseProvider provider, string scopes = "incidents:write")
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var police = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var (id, secret) = await host.Data.CreateApiClientAsync(police, scopes);
        return (host, police, host.ApiClient(id, secret));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static string Key() => Guid.NewGuid().ToString();

    private static string Reference() => $"AV-{Guid.NewGuid():N}"[..18];

    [Theory, BothDatabases]
    public async Task Without_credentials_is_401(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);

        var response = await PostAsync(host.AnonymousClient(), Incident(Reference()), Key());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_client_without_the_incidents_scope_is_403(DatabaseProvider provider)
    {
        var (_, _, client) = await PoliceSystemAsync(provider, "people:write");

        var response = await PostAsync(client, Incident(Reference()), Key());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory, BothDatabases]
    public async Task Without_an_idempotency_key_is_400_and_nothing_is_stored(DatabaseProvider provider)
    {
        var (host, police, client) = await PoliceSystemAsync(provider);

        var response = await PostAsync(client, Incident(Reference()), key: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = host.NewContext();
        Assert.False(await db.DomesticIncidents.AnyAsync(i => i.ForceOrganisationId == police.Id));
    }

    [Theory, BothDatabases]
    public async Task A_new_incident_is_201_and_a_retry_with_the_same_key_gets_the_same_answer_without_a_second_copy(DatabaseProvider provider)
    {
        var (host, police, client) = await PoliceSystemAsync(provider);
        var (reference, key) = (Reference(), Key());

        var first = await PostAsync(client, Incident(reference), key);
        var retry = await PostAsync(client, Incident(reference), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Accepted", body.GetProperty("outcome").GetString());
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        await using var db = host.NewContext();
        Assert.Equal(1, await db.DomesticIncidents.CountAsync(i => i.ForceOrganisationId == police.Id && i.PoliceReference == reference));
    }

    [Theory, BothDatabases]
    public async Task The_same_key_with_a_different_body_is_422(DatabaseProvider provider)
    {
        var (_, _, client) = await PoliceSystemAsync(provider);
        var (reference, key) = (Reference(), Key());
        await PostAsync(client, Incident(reference), key);

        var response = await PostAsync(client, Incident(reference, summary: "Something else"), key);

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory, BothDatabases]
    public async Task A_changed_incident_under_the_same_reference_is_the_next_version_and_the_same_facts_again_are_unchanged(DatabaseProvider provider)
    {
        var (host, police, client) = await PoliceSystemAsync(provider);
        var reference = Reference();
        await PostAsync(client, Incident(reference), Key());

        var corrected = await PostAsync(client, Incident(reference, summary: "Corrected: the child was upstairs."), Key());
        var sameAgain = await PostAsync(client, Incident(reference, summary: "Corrected: the child was upstairs."), Key());

        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        var body = await corrected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("NewVersion", body.GetProperty("outcome").GetString());
        Assert.Equal(2, body.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.OK, sameAgain.StatusCode);
        Assert.Equal("Unchanged", (await sameAgain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        await using var db = host.NewContext();
        var versions = await db.DomesticIncidents.Where(i => i.ForceOrganisationId == police.Id && i.PoliceReference == reference).OrderBy(i => i.Version).ToListAsync();
        Assert.Equal([(1, false), (2, true)], versions.Select(v => (v.Version, v.IsLatest)));
    }

    [Theory, BothDatabases]
    public async Task An_invalid_incident_is_400_with_an_error_per_field_and_is_held_in_the_quarantine_once(DatabaseProvider provider)
    {
        var (host, police, client) = await PoliceSystemAsync(provider);
        var (reference, key) = (Reference(), Key());
        var body = Incident(reference, category: "Shouting", childFamily: "");

        var response = await PostAsync(client, body, key);
        var retry = await PostAsync(client, body, key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("category", out _));
        Assert.True(errors.TryGetProperty("children[0].familyName", out _));
        Assert.Equal(HttpStatusCode.BadRequest, retry.StatusCode);
        await using var db = host.NewContext();
        Assert.False(await db.DomesticIncidents.AnyAsync(i => i.ForceOrganisationId == police.Id));
        var held = await db.QuarantinedRecords.SingleAsync(r => r.SentByOrganisationId == police.Id);
        Assert.Equal(body, held.Raw);
        Assert.Equal(IncidentIntake.QuarantineKind, held.Kind);
        Assert.Equal(QuarantineStatus.Waiting, held.Status);
        Assert.Equal(held.Id.ToString(), problem.GetProperty("quarantinedRecordId").GetString());
    }
}
