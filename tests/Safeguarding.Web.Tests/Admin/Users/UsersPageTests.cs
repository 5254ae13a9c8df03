using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Platform.Outbox;
using Safeguarding.Core.Platform.Users;
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

    [Theory, BothDatabases]
    public async Task A_new_user_sets_up_their_authenticator_only_through_the_single_use_emailed_link(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var admin = await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator);
        var email = $"sw.{Guid.NewGuid():N}@council.example";
        var added = await (await (await host.SignInAsync(admin)).PostFormAsync("/admin/users/add", new()
        {
            ["DisplayName"] = "Sam Newstarter", ["Email"] = email, ["OrganisationId"] = council.Id.ToString(), ["Roles"] = "SocialWorker",
        })).HtmlAsync();
        var password = added.QuerySelector("p.app-secret")!.TextContent.Trim();

        // The email holds the link and nothing about the person; the database holds only the link's hash.
        await using var db = host.NewContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var message = await db.OutboxMessages.SingleAsync(m => m.Destination == email);
        var text = JsonSerializer.Deserialize<EmailContent>(message.Payload)!.Text;
        Assert.DoesNotContain("Sam", text, StringComparison.Ordinal);
        var token = Regex.Match(text, @"/account/mfa-setup\?token=([A-Za-z0-9_-]+)").Groups[1].Value;
        Assert.Equal(43, token.Length);
        Assert.NotEqual(token, user.EnrolmentTokenHash);

        // The first password alone signs in, but shows no key to set up.
        var client = host.AnonymousClient();
        await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        var withoutLink = await (await client.GetAsync("/account/mfa-setup")).HtmlAsync();
        Assert.Null(withoutLink.QuerySelector(".app-qr svg"));
        Assert.Null(withoutLink.QuerySelector("input[name=Code]"));

        var withLink = await (await client.GetAsync($"/account/mfa-setup?token={token}")).HtmlAsync();
        var key = withLink.QuerySelector(".app-secret")!.TextContent.Trim();
        var turnedOn = await client.PostFormAsync("/account/mfa-setup", new() { ["Token"] = token, ["Code"] = OneTimeCodes.Next(key) }, $"/account/mfa-setup?token={token}");
        Assert.Equal(HttpStatusCode.Redirect, turnedOn.StatusCode);
        await using (var after = host.NewContext())
        {
            var enrolled = await after.Users.SingleAsync(u => u.Id == user.Id);
            Assert.True(enrolled.TwoFactorEnabled);
            Assert.Null(enrolled.EnrolmentTokenHash);
        }
        Assert.False(await host.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<AuthenticatorEnrolment>().IsValidAsync(user.Id, token));
    }

    [Theory, BothDatabases]
    public async Task An_administrators_change_to_their_own_roles_waits_for_a_second_administrator(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var admin = await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator);
        var second = await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator);
        var client = await host.SignInAsync(admin);
        var own = $"/admin/users/{admin.User.Id}";

        var asked = await client.PostFormAsync(own, [new("Roles", "PartnershipAdministrator"), new("Roles", "TeamManager")], own);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        async Task<IReadOnlyList<Role>> RolesAsync()
        {
            await using var db = host.NewContext();
            return await db.UserRoles.Where(r => r.UserId == admin.User.Id).Select(r => r.Role).ToListAsync();
        }
        Assert.Equal([Role.PartnershipAdministrator], await RolesAsync());

        Guid requestId;
        await using (var db = host.NewContext())
            requestId = (await db.Set<RoleChangeRequest>().SingleAsync(r => r.UserId == admin.User.Id)).Id;
        var selfApproved = await client.PostFormAsync($"/admin/users/role-changes?id={requestId}", [new("approve", "true")], "/admin/users/role-changes");
        Assert.Equal(HttpStatusCode.Forbidden, selfApproved.StatusCode);
        Assert.Equal([Role.PartnershipAdministrator], await RolesAsync());

        var approved = await (await host.SignInAsync(second)).PostFormAsync($"/admin/users/role-changes?id={requestId}", [new("approve", "true")], "/admin/users/role-changes");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal([Role.PartnershipAdministrator, Role.TeamManager], (await RolesAsync()).Order());
    }
}
