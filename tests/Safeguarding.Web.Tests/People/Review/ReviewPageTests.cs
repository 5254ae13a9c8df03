using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.People;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.People.Review;

/// <summary>The review queue and merge pages on the demo partnership, whose police feed leaves possible siblings to review.</summary>
public sealed class ReviewPageTests
{
    private static readonly Dictionary<DatabaseProvider, Task<TestHost>> Demos = [];

    // One host per database for this class, on a copy of the small demo with the police feed's arrivals sent through
    // the matching as the demo's first start sends them; the tests use different review items and users.
    private static Task<TestHost> DemoAsync(DatabaseProvider provider)
    {
        lock (Demos)
        {
            if (!Demos.TryGetValue(provider, out var demo)) Demos[provider] = demo = SeedAsync(provider);
            return demo;
        }
    }

    private static async Task<TestHost> SeedAsync(DatabaseProvider provider)
    {
        var (database, _) = await SmallDemo.CopyAsync(provider);
        var host = TestHost.Over(database);
        await using var db = host.NewContext();
        var partnershipId = await db.Partnerships.Select(p => p.Id).SingleAsync();
        var arrivals = await new DemoArrivals(db, new PersonIndex(db)).SendAsync(partnershipId, new DemoSeedingOptions(DemoScale.Small, "").Arrivals);
        Assert.True(arrivals.WaitingForReview > 0, "the demo's police feed leaves possible matches for review");
        return host;
    }

    /// <summary>Someone of the demo partnership with the role, in an organisation of the kind that holds it.</summary>
    private static async Task<HttpClient> SignInAsync(TestHost host, Role role, OrganisationType type)
    {
        await using var db = host.NewContext();
        var organisation = await db.Organisations.Where(o => o.Type == type).OrderBy(o => o.Name).FirstAsync();
        return await host.SignInAsync(await host.Data.CreateUserAsync(organisation, role));
    }

    [Theory, BothDatabases]
    public async Task A_practitioner_merges_a_possible_match_and_can_undo_the_merge(DatabaseProvider provider)
    {
        var host = await DemoAsync(provider);
        var client = await SignInAsync(host, Role.FrontDoorPractitioner, OrganisationType.CouncilService);

        var queue = await (await client.GetAsync("/people/review")).HtmlAsync();
        var first = queue.QuerySelector("tbody a")!.GetAttribute("href")!;
        var page = await client.GetAsync(first);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.HtmlAsync();
        Assert.Equal("Is this the same person?", html.QuerySelector("h1")!.TextContent);
        Assert.True(html.QuerySelectorAll("table tbody tr").Length >= 5, "the evidence table has a row per field");

        var empty = await client.PostFormAsync(first, new());
        Assert.Equal(2, (await empty.HtmlAsync()).QuerySelectorAll(".govuk-error-summary__list li").Length);

        var decided = await client.PostFormAsync(first, new() { ["Decision"] = "SamePerson", ["Reason"] = "School confirmed the child uses a second name" });
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        var reviewId = Guid.Parse(first.Split('/').Last());
        await using var db = host.NewContext();
        var review = await db.MatchReviews.SingleAsync(r => r.Id == reviewId);
        Assert.Equal(ReviewDecision.SamePerson, review.Decision);
        var merge = await db.PersonMerges.SingleAsync(m => m.KeptPersonId == review.CandidatePersonId);
        var record = await (await client.GetAsync($"/people/{review.CandidatePersonId}")).HtmlAsync();
        Assert.NotNull(record.QuerySelector($"a[href='/people/merges/{merge.Id}/undo']"));

        var undone = await client.PostFormAsync($"/people/merges/{merge.Id}/undo", new() { ["Reason"] = "A different child after all" });
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        await using var after = host.NewContext();
        Assert.NotNull((await after.PersonMerges.SingleAsync(m => m.Id == merge.Id)).UndoneAt);
        Assert.Null((await after.People.SingleAsync(p => p.Id == merge.MergedPersonId)).MergedIntoPersonId);
        Assert.Equal(merge.MergedPersonId, (await after.SourceRecords.SingleAsync(r => r.Id == review.SourceRecordId)).PersonId);
    }

    [Theory, BothDatabases]
    public async Task A_school_key_adult_cannot_see_the_review_queue(DatabaseProvider provider)
    {
        var host = await DemoAsync(provider);
        var client = await SignInAsync(host, Role.SchoolKeyAdult, OrganisationType.School);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/people/review")).StatusCode);
    }
}
