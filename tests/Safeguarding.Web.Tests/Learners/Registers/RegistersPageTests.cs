using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learners.Registers;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Learners.Registers;

public sealed class RegistersPageTests
{
    private const string Url = "/learners/registers/add";

    [Theory, BothDatabases]
    public async Task The_register_form_is_forbidden_to_a_school_key_adult(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(await host.Data.CreateOrganisationAsync(partnership.Id), Role.SchoolKeyAdult));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Url)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Missing_answers_are_listed_in_the_error_summary_in_field_order(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var lead = await host.Data.CreateUserAsync(await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService), Role.EducationLead);
        var client = await host.SignInAsync(lead);

        var html = await (await client.PostFormAsync(Url, new() { ["GivenName"] = "Robin", ["DateOfBirth"] = "2015-02-30" })).HtmlAsync();

        var links = html.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#Register", "#FamilyName", "#DateOfBirth", "#From"], links);
    }

    [Theory, BothDatabases]
    public async Task The_education_lead_puts_a_child_on_the_ehe_register_and_it_is_audited(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var lead = await host.Data.CreateUserAsync(await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService), Role.EducationLead);
        var client = await host.SignInAsync(lead);

        var html = await (await client.PostFormAsync(Url, new()
        {
            ["Register"] = "EHE", ["GivenName"] = "Robin", ["FamilyName"] = "Homeschooled", ["DateOfBirth"] = "2015-04-23", ["From"] = "2026-09-01",
        })).HtmlAsync();

        Assert.Contains("elective home education", html.QuerySelector(".govuk-panel")!.TextContent);
        await using var db = host.NewContext();
        var entry = await db.LearnerRegisterEntries.SingleAsync(e => e.PartnershipId == partnership.Id);
        Assert.Equal(LearnerRegister.ElectiveHomeEducation, entry.Register);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ResourceType == nameof(LearnerRegisterEntry) && e.ActorUserId == lead.User.Id));
    }
}
