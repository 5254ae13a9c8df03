using Safeguarding.Core.Data;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.DomesticAbuse.Dramm;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.DomesticAbuse.SafetyPlans;

public sealed class SafetyPlanPageTests
{
    private static LocalDate Today => SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;

    private static async Task<SafetyPlan> PlanAsync(TestHost host, Guid partnershipId, Organisation by, Organisation doer, LocalDate review, string givenName)
    {
        var victim = await host.Data.CreatePersonAsync(partnershipId);
        await host.Data.SaveAsync(db =>
        {
            db.People.Attach(victim);
            victim.GivenName = givenName;
        });
        var plan = new SafetyPlan
        {
            PartnershipId = partnershipId, VictimPersonId = victim.Id, AgreedByOrganisationId = by.Id, AgreedOn = review.PlusDays(-14),
            AgreedAt = SystemClock.Instance.GetCurrentInstant(), ReviewDate = review,
            Measures = [new SafetyMeasure { Measure = "Refuge space", ResponsibleOrganisationId = doer.Id }],
        };
        await host.Data.SaveAsync(db => db.SafetyPlans.Add(plan));
        return plan;
    }

    [Theory, BothDatabases]
    public async Task The_front_door_sees_plans_due_for_review_with_overdue_ones_tagged_and_ends_one_with_a_reason(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService, "Front Door");
        var idva = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.VoluntarySector, "IDVA service");
        var overdue = await PlanAsync(host, partnership.Id, council, idva, Today.PlusDays(-3), "Olive");
        await PlanAsync(host, partnership.Id, council, idva, Today.PlusDays(30), "Laura");
        var client = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.FrontDoorPractitioner));

        var list = await (await client.GetAsync("/domestic-abuse/safety-plans")).HtmlAsync();
        var rows = list.QuerySelectorAll("tbody tr");
        var row = Assert.Single(rows); // the plan reviewed in a month is not due yet
        Assert.Contains("Olive", row.TextContent);
        Assert.StartsWith("Overdue by", row.QuerySelector(".govuk-tag--red")!.TextContent.Trim());
        Assert.Equal(2, (await (await client.GetAsync("/domestic-abuse/safety-plans?show=all")).HtmlAsync()).QuerySelectorAll("tbody tr").Length);

        var page = $"/domestic-abuse/safety-plans/{overdue.Id}";
        var blank = await (await client.PostFormAsync($"{page}?handler=End", new Dictionary<string, string> { ["Reason"] = " " }, page)).HtmlAsync();
        Assert.Equal("Enter why the plan is ending", blank.QuerySelector(".govuk-error-summary__list a")!.TextContent.Trim());
        var added = await client.PostFormAsync($"{page}?handler=Measure", new Dictionary<string, string> { ["Measure"] = "Weekly call from the IDVA", ["MeasureOrganisation"] = idva.Id.ToString() }, page);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var reviewed = await client.PostFormAsync($"{page}?handler=Review", new Dictionary<string, string> { ["NextReview.Day"] = "31", ["NextReview.Month"] = "2", ["NextReview.Year"] = "2099" }, page);
        Assert.Equal("Enter a real date, like 27 3 2027", (await reviewed.HtmlAsync()).QuerySelector(".govuk-error-summary__list a")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"{page}?handler=End", new Dictionary<string, string> { ["Reason"] = "Moved out of the area." }, page)).StatusCode);

        var ended = await (await client.GetAsync(page)).HtmlAsync();
        Assert.Contains("Moved out of the area.", ended.QuerySelector(".govuk-inset-text")!.TextContent);
        Assert.Equal(["Refuge space", "Weekly call from the IDVA"], ended.QuerySelectorAll("tbody tr td:first-child").Select(c => c.TextContent.Trim()));
        Assert.Empty(ended.QuerySelectorAll("form[method=post] button.govuk-button--warning")); // an ended plan has no forms
        Assert.Empty((await (await client.GetAsync("/domestic-abuse/safety-plans")).HtmlAsync()).QuerySelectorAll("tbody tr"));
    }

    [Theory, BothDatabases]
    public async Task An_analyst_sees_victims_given_safety_plans_per_year_with_small_numbers_suppressed(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        // Six victims with plans agreed this year, one of them twice.
        var plans = new List<SafetyPlan>();
        for (var i = 0; i < 6; i++) plans.Add(await PlanAsync(host, partnership.Id, council, council, Today.PlusDays(14), $"Victim{i}"));
        await host.Data.SaveAsync(db => db.SafetyPlans.Add(new SafetyPlan
        {
            PartnershipId = partnership.Id, VictimPersonId = plans[0].VictimPersonId, AgreedByOrganisationId = council.Id, AgreedOn = Today,
            AgreedAt = SystemClock.Instance.GetCurrentInstant(), ReviewDate = Today.PlusDays(7),
        }));
        await host.Data.SaveAsync(db =>
        {
            foreach (var p in db.SafetyPlans.Where(p => p.PartnershipId == partnership.Id)) p.AgreedOn = Today;
        });
        var analyst = await host.SignInAsync(await host.Data.CreateUserAsync(council, Role.Analyst));

        var html = await (await analyst.GetAsync("/domestic-abuse/safety-plan-figures")).HtmlAsync();
        Assert.Equal(("6", "7"), (html.QuerySelector("#victims")!.TextContent.Trim(), html.QuerySelector("#plans")!.TextContent.Trim()));
        var lastYear = Today.Month >= 4 ? Today.Year - 1 : Today.Year - 2;
        var before = await (await analyst.GetAsync($"/domestic-abuse/safety-plan-figures?year={lastYear}")).HtmlAsync();
        Assert.Equal("0", before.QuerySelector("#victims")!.TextContent.Trim());

        // Fewer than five is not shown.
        await host.Data.SaveAsync(db =>
        {
            foreach (var p in db.SafetyPlans.Where(p => p.PartnershipId == partnership.Id).OrderBy(p => p.Id).Skip(3)) p.AgreedOn = Today.PlusYears(-3);
        });
        Assert.Equal("x", (await (await analyst.GetAsync("/domestic-abuse/safety-plan-figures")).HtmlAsync()).QuerySelector("#victims")!.TextContent.Trim());

        var keyAdult = await host.SignInAsync(await host.Data.CreateUserAsync(await host.Data.CreateOrganisationAsync(partnership.Id), Role.SchoolKeyAdult));
        Assert.Equal(HttpStatusCode.Forbidden, (await keyAdult.GetAsync("/domestic-abuse/safety-plan-figures")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/domestic-abuse/safety-plans")).StatusCode);
    }
}
