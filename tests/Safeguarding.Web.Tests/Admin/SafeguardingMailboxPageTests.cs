using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Admin;

/// <summary>An administrator gives an organisation its safeguarding mailbox; a text that is not one email address is refused with a GOV.UK error, and nothing of the form is saved.</summary>
public sealed class SafeguardingMailboxPageTests
{
    [Theory, BothDatabases]
    public async Task An_administrator_sets_a_schools_safeguarding_mailbox_and_a_bad_address_saves_neither_field(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.PartnershipAdministrator));
        var page = $"/admin/organisations/{school.Id}";

        var refused = await (await client.PostFormAsync(page, new() { ["PhoneNumber"] = "0113 496 0000", ["SafeguardingMailbox"] = "the DSL" })).HtmlAsync();
        Assert.Equal((OrganisationMailboxes.Error, "#SafeguardingMailbox"),
            (refused.QuerySelector(".govuk-error-summary__list a")!.TextContent, refused.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href")));
        await using (var db = host.NewContext())
        {
            var unchanged = await db.Organisations.SingleAsync(o => o.Id == school.Id, ct);
            Assert.Equal((null, null), (unchanged.PhoneNumber, unchanged.SafeguardingMailbox));
        }

        var saved = await client.PostFormAsync(page, new() { ["PhoneNumber"] = "0113 496 0000", ["SafeguardingMailbox"] = " dsl@brookfield.sch.example " });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = host.NewContext())
            Assert.Equal("dsl@brookfield.sch.example", (await db.Organisations.SingleAsync(o => o.Id == school.Id, ct)).SafeguardingMailbox);
        Assert.Contains("dsl@brookfield.sch.example", (await (await client.GetAsync("/admin/organisations")).HtmlAsync()).QuerySelector("table")!.TextContent);
    }
}
