using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Admin.Users;

public sealed class UsersPageTests
{
    [Theory, BothDatabases]
    public async Task An_administrator_adds_a_user_who_then_holds_the_chosen_role(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.School);
        var admin = await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator);
        var client = await host.SignInAsync(admin);
        var email = $"dsl.{Guid.NewGuid():N}@school.example";

        var response = await client.PostFormAsync("/admin/users/add", new()
        {
            ["DisplayName"] = "Jordan Keyadult", ["Email"] = email, ["OrganisationId"] = school.Id.ToString(), ["Roles"] = "SchoolKeyAdult",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Equal("User added", html.QuerySelector(".govuk-panel__title")!.TextContent.Trim());
        Assert.Matches("^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$", html.QuerySelector("p.app-secret")!.TextContent.Trim());
        await using var db = host.NewContext();
        var user = await db.Users.Include(u => u.Roles).SingleAsync(u => u.Email == email);
        Assert.Equal([Role.SchoolKeyAdult], user.Roles.Select(r => r.Role));
        Assert.Equal(school.Id, user.OrganisationId);
        Assert.False(user.TwoFactorEnabled);
    }

    [Theory, BothDatabases]
    public async Task A_partnership_administrator_cannot_create_a_system_administrator(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var admin = await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator);
        var client = await host.SignInAsync(admin);
        var email = $"root.{Guid.NewGuid():N}@council.example";

        var response = await client.PostFormAsync("/admin/users/add", new()
        {
            ["DisplayName"] = "Would Be Root", ["Email"] = email, ["OrganisationId"] = council.Id.ToString(), ["Roles"] = "SystemAdministrator",
        });

        Assert.Equal("You cannot give one of these roles", (await response.HtmlAsync()).QuerySelector(".govuk-error-summary__list a")!.TextContent);
        await using var db = host.NewContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }
}
