using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Admin.ApiClients;

public sealed class ApiClientsPageTests
{
    [Theory, BothDatabases]
    public async Task A_new_api_client_secret_is_shown_once_works_for_the_api_and_stops_working_when_revoked(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var police = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce);
        var admin = await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator);
        var client = await host.SignInAsync(admin);

        var created = await (await client.PostFormAsync("/admin/api-clients/add",
            [new("Name", "Police incident feed"), new("OrganisationId", police.Id.ToString()), new("Scopes", "people:write")], "/admin/api-clients/add")).HtmlAsync();
        var secrets = created.QuerySelectorAll("dd.app-secret").Select(d => d.TextContent.Trim()).ToList();
        var (clientId, secret) = (secrets[0], secrets[1]);

        var api = host.AnonymousClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        var me = await api.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Contains(police.Id.ToString(), await me.Content.ReadAsStringAsync());

        await using (var db = host.NewContext())
            Assert.DoesNotContain(await db.ApiClients.Select(c => c.SecretHash).ToListAsync(), h => h == secret);

        var clientRowId = (await host.NewContext().ApiClients.SingleAsync(c => c.ClientId == clientId)).Id;
        var revoke = await client.PostFormAsync($"/admin/api-clients?handler=Revoke&id={clientRowId}", [], "/admin/api-clients");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_client_gets_only_scopes_that_fit_its_kind_of_organisation(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.School);
        var admin = await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator);
        var client = await host.SignInAsync(admin);

        var incidentsForASchool = await client.PostFormAsync("/admin/api-clients/add",
            [new("Name", "Not a police feed"), new("OrganisationId", school.Id.ToString()), new("Scopes", "incidents:write")], "/admin/api-clients/add");
        var flagsForASchool = await client.PostFormAsync("/admin/api-clients/add",
            [new("Name", "Not a GP system"), new("OrganisationId", school.Id.ToString()), new("Scopes", "rolls:write"), new("Scopes", "health-flags:read")], "/admin/api-clients/add");

        foreach (var refused in new[] { incidentsForASchool, flagsForASchool })
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.NotNull((await refused.HtmlAsync()).QuerySelector(".govuk-error-summary"));
        }
        await using var db = host.NewContext();
        Assert.False(await db.ApiClients.AnyAsync(c => c.OrganisationId == school.Id));
    }
}
