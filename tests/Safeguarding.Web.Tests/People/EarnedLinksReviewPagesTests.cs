using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Marac;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;
using static Safeguarding.Web.Tests.DomesticAbuse.PathwayPageData;

namespace Safeguarding.Web.Tests.People;

/// <summary>
/// Through the running app: the child protection plan page (children's social care only), the held-links list paged,
/// the MARAC pages withholding a sealed victim's name, and /api/v1/me answering as the API client it is.
/// </summary>
public sealed class EarnedLinksReviewPagesTests
{
    [Theory, BothDatabases]
    public async Task A_team_manager_records_and_ends_a_child_protection_plan_on_the_childs_record_and_a_school_may_not_open_it(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var school = await host.Data.CreateOrganisationAsync(partnership.Id);
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var child = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var manager = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.TeamManager));
        var keyAdult = await host.SignInAsync(await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult));
        var page = $"/people/{child.Id}/child-protection-plan";

        Assert.Equal(HttpStatusCode.Forbidden, (await keyAdult.GetAsync(page)).StatusCode);
        var record = await (await manager.GetAsync($"/people/{child.Id}")).HtmlAsync();
        Assert.NotNull(record.QuerySelector($"a[href='{page}']"));
        var blank = await manager.PostFormAsync($"{page}?handler=Record", new Dictionary<string, string>(), page);
        Assert.Contains("Select the category of the plan", (await blank.HtmlAsync()).QuerySelector(".govuk-error-summary")!.TextContent);

        var recorded = await manager.PostFormAsync($"{page}?handler=Record",
            new() { ["Category"] = "Neglect", ["StartDate.Day"] = "2", ["StartDate.Month"] = "3", ["StartDate.Year"] = "2026" }, page);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Contains("Subject to a child protection plan since 2 March 2026", (await (await manager.GetAsync(page)).HtmlAsync()).QuerySelector("#current-plan")!.TextContent);

        var ended = await manager.PostFormAsync($"{page}?handler=End", new() { ["EndDate.Day"] = "30", ["EndDate.Month"] = "9", ["EndDate.Year"] = "2026" }, page);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Contains("Not subject to a child protection plan", (await (await manager.GetAsync(page)).HtmlAsync()).QuerySelector("#current-plan")!.TextContent);
        await using var db = host.NewContext();
        Assert.Equal(new LocalDate(2026, 9, 30), (await db.Set<ChildProtectionPlan>().SingleAsync(p => p.PersonId == child.Id)).EndDate);
    }

    [Theory, BothDatabases]
    public async Task The_held_links_list_pages_with_the_true_total(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var schoolA = await host.Data.CreateOrganisationAsync(partnership.Id);
        var schoolB = await host.Data.CreateOrganisationAsync(partnership.Id);
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var child = await host.Data.CreatePersonAsync(partnership.Id, (schoolA, PersonLinkKind.RegisteredPupil));
        var total = PageOptions.DefaultSize + 1;
        await host.Data.CreateHeldLinksAsync(child, schoolB, total);
        var frontDoor = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.FrontDoorPractitioner));

        var first = await (await frontDoor.GetAsync("/held-links")).HtmlAsync();
        var second = await (await frontDoor.GetAsync("/held-links?page=2")).HtmlAsync();

        Assert.Contains($"{total} waiting, page 1 of 2", first.QuerySelector(".govuk-table__caption")!.TextContent);
        Assert.Equal(PageOptions.DefaultSize, first.QuerySelectorAll("tbody tr").Length);
        Assert.NotNull(first.QuerySelector(".govuk-pagination a[href='/held-links?page=2'][rel=next]"));
        Assert.Equal(1, second.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("page", second.QuerySelector(".govuk-pagination__item--current a")!.GetAttribute("aria-current"));
    }

    [Theory, BothDatabases]
    public async Task The_marac_pages_name_a_sealed_victim_to_no_one_without_leave_to_read_sealed_records(DatabaseProvider provider)
    {
        var s = await ArrangeAsync(provider);
        await s.Host.Data.SaveAsync(db =>
        {
            db.People.Attach(s.Victim);
            s.Victim.IsSealed = true;
        });
        await using (var scope = s.Host.Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MaracReferrals>().ReferAsync(
                new ReferToMarac(s.Victim.Id, null, null, ProfessionalJudgement: true), new ProcessContext("test:refer", s.FrontDoor.Actor));
        var frontDoor = await s.Host.SignInAsync(s.FrontDoor);

        var marac = await frontDoor.GetAsync("/domestic-abuse/marac");
        Assert.Equal(HttpStatusCode.OK, marac.StatusCode);
        var text = (await marac.HtmlAsync()).Body!.TextContent;
        Assert.Contains("1 referral waiting", text);
        Assert.DoesNotContain(s.Victim.GivenName, text);

        var listed = await frontDoor.PostFormAsync("/domestic-abuse/marac?handler=List", new Dictionary<string, string>(), "/domestic-abuse/marac");
        Assert.Equal(HttpStatusCode.Redirect, listed.StatusCode);
        var agenda = (await (await frontDoor.GetAsync(listed.Headers.Location!.OriginalString)).HtmlAsync()).QuerySelector("#agenda")!.TextContent;
        Assert.Contains(SealedPeople.Withheld, agenda);
        Assert.DoesNotContain(s.Victim.GivenName, agenda);
    }

    [Theory, BothDatabases]
    public async Task Me_answers_as_the_api_client_with_its_scopes_and_no_user_fields(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var practice = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.GpPractice);
        var (clientId, secret) = await host.Data.CreateApiClientAsync(practice, "people:write");

        var response = await host.ApiClient(clientId, secret).GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(practice.Id, me.GetProperty("organisationId").GetGuid());
        Assert.Equal(["people:write"], me.GetProperty("scopes").EnumerateArray().Select(e => e.GetString()));
        Assert.True(me.TryGetProperty("apiClientId", out _));
        foreach (var userField in new[] { "kind", "userId", "roles" })
            Assert.False(me.TryGetProperty(userField, out _), userField);
    }
}
