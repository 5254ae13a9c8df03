using System.Net;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.Assurance;

/// <summary>The practice review pages: a serious incident recorded by NHS number; the list shows the reference, never the child's name; the review's page names the child to a service manager and offers them no forms.</summary>
public sealed class PracticeReviewPagesTests
{
    [Theory, BothDatabases]
    public async Task A_review_is_recorded_and_listed_by_reference_and_the_child_is_named_only_on_its_page(DatabaseProvider provider)
    {
        var host = await TestHost.GetAsync(provider);
        var partnership = await host.Data.CreatePartnershipAsync();
        var council = await host.Data.CreateOrganisationAsync(partnership.Id, OrganisationType.CouncilService);
        var manager = await host.Data.CreateUserAsync(council, Role.PartnershipBusinessManager);
        var serviceManager = await host.Data.CreateUserAsync(council, Role.ServiceManager);
        var socialWorker = await host.Data.CreateUserAsync(council, Role.SocialWorker);
        var child = await host.Data.CreatePersonAsync(partnership.Id);
        await host.Data.SaveAsync(db => db.People.Where(p => p.Id == child.Id).ExecuteUpdate(s => s.SetProperty(p => p.NhsNumber, "9434765870")));
        var today = SystemClock.Instance.GetCurrentInstant().InZone(Core.Platform.Calendars.WorkingDays.London).Date;

        var client = await host.SignInAsync(manager);
        var created = await client.PostFormAsync("/assurance/practice-reviews/new", new()
        {
            ["Reference"] = "Child R", ["NhsNumber"] = "943 476 5870",
            ["AwareOn.Day"] = today.Day.ToString(), ["AwareOn.Month"] = today.Month.ToString(), ["AwareOn.Year"] = today.Year.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var reviewUrl = created.Headers.Location!.OriginalString;
        var notified = await client.PostFormAsync($"{reviewUrl}?handler=Notify",
            new() { ["On.Day"] = today.Day.ToString(), ["On.Month"] = today.Month.ToString(), ["On.Year"] = today.Year.ToString() }, reviewUrl);
        Assert.Equal(HttpStatusCode.Redirect, notified.StatusCode);

        var list = (await (await client.GetAsync("/assurance/practice-reviews")).HtmlAsync()).Body!.TextContent;
        Assert.Contains("Child R", list);
        Assert.Contains("Rapid review", list);
        Assert.DoesNotContain(child.GivenName, list);

        var seen = await (await (await host.SignInAsync(serviceManager)).GetAsync(reviewUrl)).HtmlAsync();
        Assert.Contains(child.FullName, seen.Body!.TextContent);
        Assert.Null(seen.QuerySelector("main form[method=post]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.SignInAsync(socialWorker)).GetAsync(reviewUrl)).StatusCode);
    }
}
