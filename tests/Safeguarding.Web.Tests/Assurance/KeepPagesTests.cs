using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Assurance.Structure;
using Safeguarding.Core.Assurance.Training;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Assurance;

/// <summary>
/// The business manager keeps the plan and the training records through the pages, on both databases: each form saves
/// all or nothing (a refused form shows its error and what was typed, and saves nothing); what was added shows on the
/// plan and in the training figures; the figures readers and an agency's lead may not open the keepers' pages.
/// </summary>
public sealed class KeepPagesTests
{
    private const string Plan = "/assurance/plan/keep?year=2023";
    private const string Training = "/assurance/training/keep?year=2023";

    [Theory, BothDatabases]
    public async Task The_business_manager_keeps_the_executive_sub_groups_priorities_and_actions(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService, "Aire Valley Council");
        var police = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.PoliceForce, "Aire Valley Police");
        var manager = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.PartnershipBusinessManager));

        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"{Plan}&handler=Partner",
            [new("Partner.Kind", "Police"), new("Partner.OrganisationId", police.Id.ToString()), new("Partner.Lead", "Chief Superintendent")], Plan)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"{Plan}&handler=SubGroup", [new("SubGroup.Name", "Domestic abuse sub-group"),
            new("SubGroup.Chair", "Head of Safer Communities"), new("SubGroup.MemberOrganisationIds", council.Id.ToString()), new("SubGroup.MemberOrganisationIds", police.Id.ToString())], Plan)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"{Plan}&handler=Priority",
            [new("Priority.Title", "Domestic abuse"), new("Priority.Aim", "Children are identified early")], Plan)).StatusCode);
        var page = await (await manager.GetAsync(Plan)).HtmlAsync();
        var group = page.QuerySelectorAll("select[name='Action.SubGroupId'] option").Single(o => o.TextContent == "Domestic abuse sub-group").GetAttribute("value")!;
        var priority = page.QuerySelectorAll("select[name='Action.PriorityId'] option").Single(o => o.TextContent == "1. Domestic abuse").GetAttribute("value")!;
        List<KeyValuePair<string, string>> Action(string owner) => [new("Action.SubGroupId", group), new("Action.PriorityId", priority),
            new("Action.Action", "Routine enquiry in GP practices"), new("Action.Owner", owner), new("Action.Due.Day", "31"), new("Action.Due.Month", "3"), new("Action.Due.Year", "2024")];

        var refused = await manager.PostFormAsync($"{Plan}&handler=Action", Action(" "), Plan);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errors = await refused.HtmlAsync();
        Assert.Contains("Enter who owns the action.", errors.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#Action_Owner", errors.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal("Action.Owner", errors.QuerySelector("#Action_Owner")!.GetAttribute("name"));
        Assert.Equal("Routine enquiry in GP practices", errors.QuerySelector("textarea[name='Action.Action']")!.TextContent);
        await using (var db = host.NewContext()) Assert.False(await db.Set<WorkPlanAction>().AnyAsync(a => a.PartnershipId == partnership.Id, ct));
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"{Plan}&handler=Action", Action("ICB"), Plan)).StatusCode);

        var plan = await (await manager.GetAsync("/assurance/plan?year=2023")).HtmlAsync();
        Assert.Contains(plan.QuerySelectorAll("a"), a => a.GetAttribute("href") == Plan);
        Assert.Equal("Chief Superintendent", plan.QuerySelector("#partners dd")!.TextContent.Trim());
        Assert.Contains("Members: Aire Valley Council, Aire Valley Police.", plan.QuerySelector("#sub-groups")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Priority 1: Domestic abuse", plan.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Contains("Routine enquiry in GP practices", plan.QuerySelector("#priority-1 tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_business_manager_records_courses_sessions_places_evaluations_and_campaigns(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService, "Aire Valley Council");
        var trust = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust, "Aire Valley Hospitals");
        var manager = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.PartnershipBusinessManager));

        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"{Training}&handler=Course",
            [new("Course.Title", "Domestic abuse and children"), new("Course.Audience", "All practitioners"), new("Course.Mandatory", "no")], Training)).StatusCode);
        var course = (await (await manager.GetAsync(Training)).HtmlAsync()).QuerySelectorAll("select[name='Session.CourseId'] option").Single(o => o.TextContent == "Domestic abuse and children").GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"{Training}&handler=Session", [new("Session.CourseId", course),
            new("Session.Date.Day", "25"), new("Session.Date.Month", "11"), new("Session.Date.Year", "2023"), new("Session.PlacesOffered", "20")], Training)).StatusCode);
        var session = (await (await manager.GetAsync(Training)).HtmlAsync()).QuerySelectorAll("select[name='Places.SessionId'] option").Single(o => o.TextContent == "Domestic abuse and children, 25 November 2023").GetAttribute("value")!;
        List<KeyValuePair<string, string>> Places(string taken) => [new("Places.SessionId", session), new("Places.OrganisationId", trust.Id.ToString()), new("Places.Taken", taken), new("Places.Attended", "10")];

        var refused = await manager.PostFormAsync($"{Training}&handler=Places", Places("21"), Training);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errors = await refused.HtmlAsync();
        Assert.Contains("The session offered 20 places.", errors.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("21", errors.QuerySelector("input[name='Places.Taken']")!.GetAttribute("value"));
        await using (var db = host.NewContext()) Assert.False(await db.Set<SessionPlaces>().AnyAsync(p => p.PartnershipId == partnership.Id, ct));
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"{Training}&handler=Places", Places("12"), Training)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"{Training}&handler=Evaluation", [new("Evaluation.SessionId", session),
            new("Evaluation.ConfidenceBefore", "2"), new("Evaluation.ConfidenceAfter", "4"), new("Evaluation.Comment", "Useful")], Training)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostFormAsync($"{Training}&handler=Campaign", [new("Campaign.Title", "16 days of action"),
            new("Campaign.Starts.Day", "25"), new("Campaign.Starts.Month", "11"), new("Campaign.Starts.Year", "2023"), new("Campaign.Ends.Day", "10"),
            new("Campaign.Ends.Month", "12"), new("Campaign.Ends.Year", "2023"), new("Campaign.DaysOfAction", "16"), new("Campaign.Reach", "38,000")], Training)).StatusCode);

        var figures = await (await manager.GetAsync("/assurance/training?year=2023")).HtmlAsync();
        Assert.Contains(figures.QuerySelectorAll("a"), a => a.GetAttribute("href") == Training);
        var row = (await (await manager.GetAsync(Training)).HtmlAsync()).QuerySelectorAll("#sessions tbody td.govuk-table__cell--numeric").Select(c => c.TextContent.Trim());
        Assert.Equal(["20", "12", "10", "1"], row);
        await using (var db = host.NewContext())
        {
            var campaign = await db.Set<Campaign>().SingleAsync(c => c.PartnershipId == partnership.Id, ct);
            Assert.Equal((16, 38_000), (campaign.DaysOfAction, campaign.Reach));
            var evaluation = await db.Set<SessionEvaluation>().SingleAsync(e => e.PartnershipId == partnership.Id, ct);
            Assert.Equal((2, 4, "Useful"), (evaluation.ConfidenceBefore, evaluation.ConfidenceAfter, evaluation.Comment));
        }
    }

    [Theory, BothDatabases]
    public async Task The_figures_readers_and_an_agencys_lead_may_not_open_the_keepers_pages(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var trust = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.HospitalTrust);
        foreach (var user in new[] { await host.Data.CreateUserAsync(council, Role.Analyst), await host.Data.CreateUserAsync(trust, Role.AgencySafeguardingLead) })
        {
            var client = await host.SignInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Plan)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Training)).StatusCode);
        }
    }
}
