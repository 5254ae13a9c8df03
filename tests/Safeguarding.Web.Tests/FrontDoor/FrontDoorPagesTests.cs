using System.Net;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.FrontDoor;

/// <summary>
/// The Front Door's pages in the browser's place: a school sends a contact from the child's record (a bad one shows the
/// error summary and saves nothing), the Front Door lists it, decides it and records the assessment's factors; the
/// school reads "Accepted for assessment" and never the reason or the factors, and is refused the contact itself on GET
/// and POST; another school is refused the school's own view; the figures page is for figures readers.
/// </summary>
public sealed class FrontDoorPagesTests
{
    [Theory, BothDatabases]
    public async Task A_contact_goes_from_a_school_to_a_decision_and_an_assessment_and_the_school_reads_only_the_outcome(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.School);
        var otherSchool = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.School);
        var frontDoor = await host.Data.CreateUserAsync(council, Role.FrontDoorPractitioner);
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);
        var stranger = await host.Data.CreateUserAsync(otherSchool, Role.SchoolKeyAdult);
        var child = await host.Data.CreatePersonAsync(partnership.Id, (school, PersonLinkKind.RegisteredPupil));
        var form = $"/front-door/contacts/new?personId={child.Id}";

        var dsl = await host.SignInAsync(keyAdult);
        Assert.Contains(form, await (await dsl.GetAsync($"/people/{child.Id}")).Content.ReadAsStringAsync(ct));
        var bad = await (await dsl.PostFormAsync(form, new() { ["Concern"] = " " })).HtmlAsync();
        Assert.Contains("Enter the concern about the child", bad.QuerySelector(".govuk-error-summary")!.TextContent);
        await using (var db = host.NewContext())
            Assert.False(await db.Set<FrontDoorContact>().AnyAsync(c => c.PersonId == child.Id, ct));
        var sent = await (await dsl.PostFormAsync(form, new() { ["Concern"] = "Bruises on both arms; says dad grabbed her." })).HtmlAsync();
        Assert.Contains("Contact sent", sent.QuerySelector(".govuk-panel")!.TextContent);
        Guid id;
        await using (var db = host.NewContext())
            id = (await db.Set<FrontDoorContact>().SingleAsync(c => c.PersonId == child.Id, ct)).Id;
        var contactPage = $"/front-door/contacts/{id}";
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.SignInAsync(stranger)).GetAsync(form)).StatusCode);

        var fd = await host.SignInAsync(frontDoor);
        Assert.Contains(child.GivenName, (await (await fd.GetAsync("/front-door")).HtmlAsync()).QuerySelector("#contacts")!.TextContent);
        var badDecision = await (await fd.PostFormAsync($"{contactPage}?handler=Decide", new() { ["Reason"] = "x" }, contactPage)).HtmlAsync();
        Assert.Contains("Choose the response", badDecision.QuerySelector(".govuk-error-summary")!.TextContent);
        var decided = await fd.PostFormAsync($"{contactPage}?handler=Decide",
            new() { ["Decision"] = "Assessment", ["Reason"] = "Injuries with dad named as the cause" }, contactPage);
        Assert.Equal((HttpStatusCode.Redirect, contactPage), (decided.StatusCode, decided.Headers.Location!.OriginalString));
        var today = FrontDoorClocks.Today(SystemClock.Instance.GetCurrentInstant());
        var assessed = await fd.PostFormAsync($"{contactPage}?handler=Assessment", new()
        {
            ["CompletedOn.Day"] = today.Day.ToString(), ["CompletedOn.Month"] = today.Month.ToString(), ["CompletedOn.Year"] = today.Year.ToString(),
            ["Outcome"] = "ChildInNeedPlan", ["Factors"] = "3B",
        }, contactPage);
        Assert.Equal(HttpStatusCode.Redirect, assessed.StatusCode);
        Assert.Contains("3B", (await (await fd.GetAsync(contactPage)).HtmlAsync()).QuerySelector("#factors")!.TextContent);

        // The school's own view: the outcome in its words, nothing of the reason or the factors.
        var told = await (await dsl.GetAsync($"/front-door/sent/{id}")).Content.ReadAsStringAsync(ct);
        Assert.Contains("Accepted for assessment", told);
        Assert.DoesNotContain("dad named", told);
        Assert.DoesNotContain("3B", told);
        Assert.Contains("Accepted for assessment", (await (await dsl.GetAsync("/front-door/sent")).HtmlAsync()).QuerySelector("#sent")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await dsl.GetAsync(contactPage)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dsl.PostFormAsync($"{contactPage}?handler=Decide",
            new() { ["Decision"] = "NoFurtherAction", ["Reason"] = "x" }, form)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.SignInAsync(stranger)).GetAsync($"/front-door/sent/{id}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task The_figures_page_shows_the_period_beside_the_year_before_for_an_analyst_and_refuses_a_school(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var school = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.School);
        var analyst = await host.Data.CreateUserAsync(council, Role.Analyst);
        var keyAdult = await host.Data.CreateUserAsync(school, Role.SchoolKeyAdult);

        var page = await (await (await host.SignInAsync(analyst)).GetAsync("/front-door/figures?from=2024-04-01&to=2025-03-31")).HtmlAsync();
        var table = page.QuerySelector("#figures")!.TextContent;
        Assert.Contains("Accepted referrals with a domestic-abuse factor", table);
        Assert.Contains("1 April 2024", table);
        var badDate = await (await (await host.SignInAsync(analyst)).GetAsync("/front-door/figures?from=April")).HtmlAsync();
        Assert.Contains("Enter a date like 2024-04-01", badDate.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.SignInAsync(keyAdult)).GetAsync("/front-door/figures")).StatusCode);
    }
}
