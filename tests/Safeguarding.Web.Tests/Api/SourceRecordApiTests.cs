using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.ApiClients;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Api;

public sealed class SourceRecordApiTests
{
    private static async Task<(HttpClient Client, Organisation Org)> PoliceFeedAsync(TestHost host)
    {
        var partnership = await host.Data.CreatePartnershipAsync();
        var police = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var (clientId, secret) = await host.Data.CreateApiClientAsync(police, "people:write people:read");
        var client = host.ApiClient(clientId, secret);
        return (client, police);
    }

    private static HttpRequestMessage Send(object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/people/source-records") { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static readonly object Child = new
    {
        sourceSystem = "Niche", localId = "INC-0001-C1", givenName = "Amara", familyName = "Okafor", dateOfBirth = "2016-04-00",
        sex = "Female", postcode = "LS9 7QX", address = "12 Mill Street",
    };

    [Theory, BothDatabases]
    public async Task A_record_without_an_idempotency_key_is_refused(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var (client, police) = await PoliceFeedAsync(host);

        var response = await client.SendAsync(Send(Child, key: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        await using var db = host.NewContext();
        Assert.False(await db.SourceRecords.AnyAsync(r => r.OrganisationId == police.Id));
    }

    [Theory, BothDatabases]
    public async Task A_caller_who_may_not_send_records_is_refused_before_its_request_is_read_and_the_refusal_is_audited(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var police = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var (clientId, secret) = await host.Data.CreateApiClientAsync(police, "people:read");
        var client = host.ApiClient(clientId, secret);

        // No Idempotency-Key and no valid field: a caller without the grant still learns only that it may not send.
        var response = await client.SendAsync(Send(new { }, key: null));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        await using var db = host.NewContext();
        var denial = await db.AuditEntries.SingleAsync(e => e.OrganisationId == police.Id && e.Outcome == AuditOutcome.Denied);
        Assert.Equal("Person", denial.ResourceType);
        Assert.False(await db.SourceRecords.AnyAsync(r => r.OrganisationId == police.Id));
    }

    [Theory, BothDatabases]
    public async Task The_same_key_and_body_twice_gives_the_first_answer_and_keeps_one_record(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var (client, police) = await PoliceFeedAsync(host);

        var first = await client.SendAsync(Send(Child, "key-1"));
        var again = await client.SendAsync(Send(Child, "key-1"));

        // An API client reads only its own organisation's people, so it is told only that the record was received.
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        await using var db = host.NewContext();
        var record = await db.SourceRecords.SingleAsync(r => r.OrganisationId == police.Id);
        Assert.Equal(LinkOutcome.NewPerson, record.Outcome);
        Assert.Contains("\"givenName\":\"Amara\"", record.Received);
        Assert.Equal("2016-04-00", record.DateOfBirth);
    }

    [Theory, BothDatabases]
    public async Task The_same_key_with_a_different_body_is_refused_with_422(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var (client, police) = await PoliceFeedAsync(host);

        await client.SendAsync(Send(Child, "key-2"));
        var other = await client.SendAsync(Send(new { sourceSystem = "Niche", localId = "INC-0002-C1", givenName = "Kofi", familyName = "Mensah" }, "key-2"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        await using var db = host.NewContext();
        Assert.Equal(1, await db.SourceRecords.CountAsync(r => r.OrganisationId == police.Id));
    }

    [Theory, BothDatabases]
    public async Task An_invalid_record_gets_a_field_error_for_each_problem_and_nothing_is_kept(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var (client, police) = await PoliceFeedAsync(host);

        var response = await client.SendAsync(Send(new { sourceSystem = "", givenName = "", familyName = "", dateOfBirth = "17/03/2016" }, "key-3"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "sourceSystem", "localId", "familyName", "dateOfBirth" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        await using var db = host.NewContext();
        Assert.False(await db.SourceRecords.AnyAsync(r => r.OrganisationId == police.Id));
        Assert.False(await db.IdempotentRequests.AnyAsync(r => r.Key == "key-3" && r.PartnershipId == police.PartnershipId));
    }

    [Theory, BothDatabases]
    public async Task A_person_is_found_by_nhs_number_sent_in_the_body_and_the_read_is_audited(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var (client, police) = await PoliceFeedAsync(host);
        var person = await host.Data.CreatePersonAsync(police.PartnershipId, (police, PersonLinkKind.OpenCase));
        await host.Data.SaveAsync(db => db.People.Where(p => p.Id == person.Id).ExecuteUpdate(s => s.SetProperty(p => p.NhsNumber, "9434765870")));

        var found = await client.PostAsJsonAsync("/api/v1/people/lookup", new { nhsNumber = "9434765870" });
        var invalid = await client.PostAsJsonAsync("/api/v1/people/lookup", new { nhsNumber = "9434765871" });

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal(person.Id, (await found.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("personId").GetGuid());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        await using var db = host.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ResourceId == person.Id.ToString() && e.Action == "read" && e.ActorApiClientId != null));
    }

    [Theory, BothDatabases]
    public async Task A_school_sending_a_record_is_told_only_that_it_was_received(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var school = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.School);
        var (clientId, secret) = await host.Data.CreateApiClientAsync(school, "people:write");
        var client = host.ApiClient(clientId, secret);

        var first = await client.SendAsync(Send(Child, "school-1"));
        var again = await client.SendAsync(Send(Child, "school-2"));

        // New or sent before, the answer is the same shape: received, with the school's own record's id and nothing of whom it matched.
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Null(first.Headers.Location);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["sourceRecordId", "status"], body.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("received", body.GetProperty("status").GetString());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
    }

    [Theory, BothDatabases]
    public async Task A_sealed_person_and_an_unknown_number_get_the_same_answer_and_the_refusal_is_audited(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var (client, police) = await PoliceFeedAsync(host);
        var person = await host.Data.CreatePersonAsync(police.PartnershipId, (police, PersonLinkKind.OpenCase));
        await host.Data.SaveAsync(db => db.People.Where(p => p.Id == person.Id)
            .ExecuteUpdate(s => s.SetProperty(p => p.NhsNumber, "9434765919").SetProperty(p => p.IsSealed, true)));

        var sealedOne = await client.PostAsJsonAsync("/api/v1/people/lookup", new { nhsNumber = "9434765919" });
        var unknown = await client.PostAsJsonAsync("/api/v1/people/lookup", new { nhsNumber = "9990000018" });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, sealedOne.StatusCode);
        static async Task<string> WithoutTrace(HttpResponseMessage r)
        {
            var problem = System.Text.Json.Nodes.JsonNode.Parse(await r.Content.ReadAsStringAsync())!.AsObject();
            problem.Remove("traceId");
            return problem.ToJsonString();
        }
        Assert.Equal(await WithoutTrace(unknown), await WithoutTrace(sealedOne));
        Assert.Equal(unknown.Content.Headers.ContentType?.MediaType, sealedOne.Content.Headers.ContentType?.MediaType);
        await using var db = host.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ResourceId == person.Id.ToString() && e.Outcome == AuditOutcome.Denied));
    }
}
