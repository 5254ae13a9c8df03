using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.ApiClients;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Api;

public sealed class ApiTests
{
    private static async Task<HttpClient> ApiClientAsync(TestHost host, Organisation org, string scopes)
    {
        var (clientId, secret) = await host.Data.CreateApiClientAsync(org, scopes);
        return host.ApiClient(clientId, secret);
    }

    [Theory, BothDatabases]
    public async Task Me_without_credentials_is_401_problem_details(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);

        var response = await host.AnonymousClient().GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory, BothDatabases]
    public async Task Me_with_a_wrong_secret_is_401(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var police = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var client = await ApiClientAsync(host, police, "people:write");
        var id = Encoding.UTF8.GetString(Convert.FromBase64String(client.DefaultRequestHeaders.Authorization!.Parameter!)).Split(':')[0];
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:guessed")));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task The_api_refuses_a_signed_in_users_session_cookie_it_is_for_api_clients_only(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService, "Children's services");
        var user = await host.Data.CreateUserAsync(council, Role.SocialWorker);
        var client = await host.SignInAsync(user);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/people", new { givenName = "A", familyName = "B" })).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_refused_api_sign_in_is_audited_against_the_client(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var police = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var (clientId, _) = await host.Data.CreateApiClientAsync(police, "people:write");

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.ApiClient(clientId, "guessed").GetAsync("/api/v1/me")).StatusCode);

        await using var db = host.NewContext();
        var id = (await db.ApiClients.SingleAsync(c => c.ClientId == clientId)).Id;
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == AuditActions.SignIn && e.ResourceId == id.ToString());
        Assert.Equal(AuditOutcome.Denied, entry.Outcome);
        Assert.Equal(id, entry.ActorApiClientId);
    }

    [Theory, BothDatabases]
    public async Task Invalid_person_is_refused_with_a_field_error_for_each_problem_and_nothing_is_saved(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var police = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var client = await ApiClientAsync(host, police, "people:write");

        var response = await client.PostAsJsonAsync("/api/v1/people", new { givenName = "", familyName = "Okafor", dateOfBirth = "2015-02-30", nhsNumber = "9434765871" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("givenName", out _));
        Assert.True(errors.TryGetProperty("dateOfBirth", out _));
        Assert.True(errors.TryGetProperty("nhsNumber", out _));
        await using var db = host.NewContext();
        Assert.False(await db.People.AnyAsync(p => p.PartnershipId == partnership.Id));
    }

    [Theory, BothDatabases]
    public async Task A_police_system_records_a_person_and_the_write_is_audited_against_the_client(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var police = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var client = await ApiClientAsync(host, police, "people:write");

        var response = await client.PostAsJsonAsync("/api/v1/people", new { givenName = "Amara", familyName = "Okafor", dateOfBirth = "2015-02-28", sex = "Female", nhsNumber = "9434765870" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var db = host.NewContext();
        var person = await db.People.SingleAsync(p => p.Id == id);
        Assert.Equal(police.Id, person.RecordedByOrganisationId);
        var audit = await db.AuditEntries.SingleAsync(e => e.ResourceType == "Person" && e.ResourceId == id.ToString());
        Assert.NotNull(audit.ActorApiClientId);
        Assert.Equal(AuditActions.Create, audit.Action);
    }

    [Theory, BothDatabases]
    public async Task A_gp_system_reads_its_own_patients_only(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var practice = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.GpPractice);
        var otherPractice = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.GpPractice);
        var patient = await host.Data.CreatePersonAsync(partnership.Id, (practice, PersonLinkKind.RegisteredPatient));
        var notAPatient = await host.Data.CreatePersonAsync(partnership.Id, (otherPractice, PersonLinkKind.RegisteredPatient));
        var client = await ApiClientAsync(host, practice, "people:read");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/people/{patient.Id}")).StatusCode);
        var refused = await client.GetAsync($"/api/v1/people/{notAPatient.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/people", new { givenName = "A", familyName = "B" })).StatusCode);
        await using var db = host.NewContext();
        Assert.Equal(AuditOutcome.Denied, (await db.AuditEntries.SingleAsync(e => e.ResourceId == notAPatient.Id.ToString() && e.Action == AuditActions.Read)).Outcome);
    }

    [Theory, BothDatabases]
    public async Task A_person_the_caller_may_not_see_and_an_id_no_person_has_get_the_same_answer_and_both_tries_are_audited(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var practice = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.GpPractice);
        var otherPractice = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.GpPractice);
        var notAPatient = await host.Data.CreatePersonAsync(partnership.Id, (otherPractice, PersonLinkKind.RegisteredPatient));
        var client = await ApiClientAsync(host, practice, "people:read");
        var noOne = Guid.CreateVersion7();

        var refused = await client.GetAsync($"/api/v1/people/{notAPatient.Id}");
        var unknown = await client.GetAsync($"/api/v1/people/{noOne}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(refused.StatusCode, unknown.StatusCode);
        string Words(string body)
        {
            using var problem = JsonDocument.Parse(body);
            return $"{problem.RootElement.GetProperty("title").GetString()} / {problem.RootElement.GetProperty("detail").GetString()}";
        }
        Assert.Equal(Words(await refused.Content.ReadAsStringAsync()), Words(await unknown.Content.ReadAsStringAsync()));
        await using var db = host.NewContext();
        Assert.Equal(AuditOutcome.Denied, (await db.AuditEntries.SingleAsync(e => e.ResourceId == notAPatient.Id.ToString() && e.Action == AuditActions.Read)).Outcome);
        Assert.Equal(AuditOutcome.Denied, (await db.AuditEntries.SingleAsync(e => e.ResourceId == noOne.ToString() && e.Action == AuditActions.Read)).Outcome);
    }
}
