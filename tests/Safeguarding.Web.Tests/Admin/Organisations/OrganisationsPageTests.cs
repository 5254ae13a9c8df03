using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Admin.Organisations;

public sealed class OrganisationsPageTests
{
    [Theory, BothDatabases]
    public async Task A_key_adult_may_not_add_organisations_and_the_attempt_is_audited(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var client = await host.SignInAsync(keyAdult);

        var response = await client.GetAsync("/admin/organisations/add");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("You cannot see this page", (await response.HtmlAsync()).QuerySelector("h1")!.TextContent);
        await using var db = host.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ActorUserId == keyAdult.User.Id && e.Outcome == AuditOutcome.Denied && e.ResourceType == "Organisation"));
    }

    [Theory, BothDatabases]
    public async Task A_school_without_a_valid_urn_is_refused_with_an_error_summary_and_nothing_is_saved(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var admin = await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator);
        var client = await host.SignInAsync(admin);

        var response = await client.PostFormAsync("/admin/organisations/add", new() { ["Name"] = "Brookfield Primary", ["Type"] = "School", ["Urn"] = "12AB" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Equal("Enter the school's URN, 6 digits, like 107980", html.QuerySelector(".govuk-error-summary__list a")!.TextContent);
        Assert.Equal("#Urn", html.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.NotNull(html.QuerySelector("#Urn-error"));
        await using var db = host.NewContext();
        Assert.False(await db.Organisations.AnyAsync(o => o.PartnershipId == partnership.Id && o.Name == "Brookfield Primary"));
    }

    [Theory, BothDatabases]
    public async Task An_administrator_adds_a_school_with_its_urn_and_the_write_is_audited(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var admin = await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator);
        var client = await host.SignInAsync(admin);

        var response = await client.PostFormAsync("/admin/organisations/add",
            new() { ["Name"] = "Brookfield Primary", ["Type"] = "School", ["Urn"] = "654321", ["Phase"] = "Primary" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = host.NewContext();
        var school = await db.Organisations.SingleAsync(o => o.PartnershipId == partnership.Id && o.Name == "Brookfield Primary");
        Assert.Equal("654321", school.Urn);
        Assert.Equal(SchoolPhase.Primary, school.Phase);
        var audit = await db.AuditEntries.SingleAsync(e => e.ResourceType == "Organisation" && e.ResourceId == school.Id.ToString());
        Assert.Equal(AuditActions.Create, audit.Action);
        Assert.Equal(admin.User.Id, audit.ActorUserId);
        Assert.Equal(council.Id, audit.OrganisationId);
        Assert.StartsWith("web:", audit.Process);
    }

    [Theory, BothDatabases]
    public async Task School_phases_are_named_in_the_users_words_never_as_code(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        await host.Data.SaveAsync(db => db.Organisations.Add(new Organisation
        {
            PartnershipId = partnership.Id, Name = "Riverside Sixth Form", Type = OrganisationType.College, Urn = "130001", Phase = SchoolPhase.SixteenPlus,
        }));
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator));

        var list = (await (await client.GetAsync("/admin/organisations")).HtmlAsync()).QuerySelector("main")!.TextContent;
        var add = (await (await client.GetAsync("/admin/organisations/add")).HtmlAsync()).QuerySelector("select")!.TextContent;

        Assert.Contains("16 plus", list);
        Assert.Contains("All-through", add);
        foreach (var code in new[] { "SixteenPlus", "AllThrough", "AlternativeProvision", "NotApplicable" })
        {
            Assert.DoesNotContain(code, list);
            Assert.DoesNotContain(code, add);
        }
    }
}
