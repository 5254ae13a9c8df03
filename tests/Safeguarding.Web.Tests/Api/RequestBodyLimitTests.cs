using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;
using Safeguarding.Web.Api;

namespace Safeguarding.Web.Tests.Api;

/// <summary>
/// Each API endpoint takes a body no larger than what it receives needs: larger is ProblemDetails 413, before anything
/// is kept, whether the body says its length or not.
/// </summary>
public sealed class RequestBodyLimitTests
{
    [Theory, BothDatabases]
    public async Task An_incident_larger_than_one_corrected_record_is_413_and_nothing_is_kept(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var (police, client) = await ApiClientAsync(host, OrganisationType.PoliceForce, "incidents:write");
        var reference = $"AV-{Guid.NewGuid():N}"[..18];
        var key = Guid.NewGuid().ToString();
        // A well-formed incident whose summary alone is over the limit: read, it would be quarantined or taken in.
        var body = IncidentsApiTests.Incident(reference, summary: new string('x', (int)RequestBodyLimits.Incident));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/domestic-abuse/incidents") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        await AssertTooLargeAsync(response, "1 MB");
        await using var db = host.NewContext();
        Assert.False(await db.DomesticIncidents.AnyAsync(i => i.PoliceReference == reference, TestContext.Current.CancellationToken));
        Assert.False(await db.QuarantinedRecords.AnyAsync(q => q.SentByOrganisationId == police.Id, TestContext.Current.CancellationToken));
        Assert.False(await db.IdempotentRequests.AnyAsync(r => r.Key == key, TestContext.Current.CancellationToken));
    }

    [Theory, BothDatabases]
    public async Task A_person_post_larger_than_a_small_json_body_is_413_and_no_person_is_recorded(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var (_, client) = await ApiClientAsync(host, OrganisationType.PoliceForce, "people:write");
        var familyName = $"Limit{Guid.NewGuid():N}";

        var response = await client.PostAsJsonAsync("/api/v1/people",
            new { givenName = new string('A', (int)RequestBodyLimits.SmallJson), familyName }, TestContext.Current.CancellationToken);

        await AssertTooLargeAsync(response, "16 KB");
        await using var db = host.NewContext();
        Assert.False(await db.People.AnyAsync(p => p.FamilyName == familyName, TestContext.Current.CancellationToken));
    }

    [Theory, BothDatabases]
    public async Task A_flag_search_by_post_larger_than_a_small_json_body_is_413_before_anyone_is_looked_up(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var (_, client) = await ApiClientAsync(host, OrganisationType.GpPractice, "health-flags:read");
        var form = new FormUrlEncodedContent([new("patient.identifier", "https://fhir.nhs.uk/Id/nhs-number|9434765919"), new("padding", new string('x', (int)RequestBodyLimits.SmallJson))]);

        await AssertTooLargeAsync(await client.PostAsync("/fhir/Flag/_search", form, TestContext.Current.CancellationToken), "16 KB");
    }

    [Theory, BothDatabases]
    public async Task A_source_record_sent_without_a_length_is_cut_off_at_its_limit_413_and_nothing_is_kept(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var (_, client) = await ApiClientAsync(host, OrganisationType.PoliceForce, "people:write people:read");
        var localId = $"LIM-{Guid.NewGuid():N}";
        var json = JsonSerializer.SerializeToUtf8Bytes(new
        {
            sourceSystem = "Niche", localId, givenName = "Amara", familyName = "Okafor", dateOfBirth = "2016-04-01", sex = "Female",
            address = new string('1', (int)RequestBodyLimits.SourceRecord),
        });
        // A stream of unknown length: sent chunked, with no Content-Length to refuse it by.
        var content = new StreamContent(new UnknownLength(json));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/people/source-records") { Content = content };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        await AssertTooLargeAsync(response, "64 KB");
        await using var db = host.NewContext();
        Assert.False(await db.SourceRecords.AnyAsync(r => r.LocalId == localId, TestContext.Current.CancellationToken));
    }

    [Theory, BothDatabases]
    public async Task Bodies_within_the_limits_are_taken_as_before(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var (_, client) = await ApiClientAsync(host, OrganisationType.PoliceForce, "people:write");

        var response = await client.PostAsJsonAsync("/api/v1/people", new { givenName = "Amara", familyName = "Okafor" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Every_api_and_fhir_endpoint_names_its_body_limit()
    {
        var host = await TestHost.GetAsync(DatabaseProvider.Sqlite);
        var api = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } route && (route.StartsWith("/api/", StringComparison.Ordinal) || route.StartsWith("/fhir/", StringComparison.Ordinal))).ToList();

        Assert.NotEmpty(api);
        Assert.All(api, e => Assert.True(e.Metadata.GetMetadata<RequestBodyLimit>() is not null, $"{e.RoutePattern.RawText} has no body limit"));
    }

    private static async Task<(Organisation Org, HttpClient Client)> ApiClientAsync(TestHost host, OrganisationType type, string scopes)
    {
        var partnership = await host.Data.CreatePartnershipAsync();
        var org = await host.Data.CreateOrganisationAsync(partnership.Id, type);
        var (id, secret) = await host.Data.CreateApiClientAsync(org, scopes);
        return (org, host.ApiClient(id, secret));
    }

    private static async Task AssertTooLargeAsync(HttpResponseMessage response, string limit)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(413, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(limit, problem.RootElement.GetProperty("detail").GetString());
    }

    /// <summary>A readable stream that does not say how long it is.</summary>
    private sealed class UnknownLength(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
