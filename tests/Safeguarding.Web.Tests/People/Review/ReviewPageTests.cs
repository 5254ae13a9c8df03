using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.People;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests.People.Review;

/// <summary>The review queue and merge pages on the demo partnership, whose police feed leaves possible siblings to review.</summary>
public sealed class ReviewPageTests
{
    private static readonly Dictionary<DatabaseProvider, Task<(TestHost, DemoCredentials)>> Demos = [];

    // One seeded demo host per database for this class; the tests use different review items and users.
    private static Task<(TestHost Host, DemoCredentials Credentials)> DemoAsync(DatabaseProvider provider)
    {
        lock (Demos)
        {
            if (!Demos.TryGetValue(provider, out var demo)) Demos[provider] = demo = SeedAsync(provider);
            return demo;
        }
    }

    private static async Task<(TestHost Host, DemoCredentials Credentials)> SeedAsync(DatabaseProvider provider)
    {
        var host = await TestHost.CreateAsync(provider, settings: new Dictionary<string, string>
        {
            ["Safeguarding:DemoMode"] = "true", ["Safeguarding:SeedDemoOnStart"] = "true", ["Safeguarding:DemoYearInBackground"] = "false",
        });
        var json = await File.ReadAllTextAsync(Path.Combine(host.Database.Settings.DataDirectory, "demo-credentials.json"));
        var credentials = JsonSerializer.Deserialize<DemoCredentials>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        return (host, credentials);
    }

    private static Task<HttpClient> SignInAsync(TestHost host, DemoCredentials credentials, string role)
    {
        var user = credentials.Users.First(u => u.Role == role);
        return host.SignInAsync(user.Email, user.Password, user.TotpSecret);
    }

    [Theory, BothDatabases]
    public async Task A_practitioner_merges_a_possible_match_and_can_undo_the_merge(DatabaseProvider provider)
    {
        var (host, credentials) = await DemoAsync(provider);
        var client = await SignInAsync(host, credentials, "FrontDoorPractitioner");

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
        var (host, credentials) = await DemoAsync(provider);
        var client = await SignInAsync(host, credentials, "SchoolKeyAdult");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/people/review")).StatusCode);
    }
}
