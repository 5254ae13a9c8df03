using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Testing;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>What people do with the service, end to end in a real browser against the real host.</summary>
public sealed class JourneyTests(EndToEndFixture fixture)
{
    [Theory, BothDatabases]
    public async Task A_practitioner_signs_in_with_mfa_and_opens_a_childs_record(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var child = await AChildAsync(host);
        var practitioner = host.User(Role.FrontDoorPractitioner);
        var page = await fixture.NewPageAsync();
        var pagesSeen = new List<string>();

        async Task ExpectDemoBannerAsync()
        {
            pagesSeen.Add(new Uri(page.Url).AbsolutePath);
            Assert.True(await page.HasDemoBannerAsync(), $"No demo banner on {page.Url}");
        }

        await page.GotoAsync(host.Url("/people"));
        Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);
        await ExpectDemoBannerAsync();

        await page.EnterPasswordAsync(host, practitioner);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter your authenticator code" })).ToBeVisibleAsync();
        await ExpectDemoBannerAsync();
        await page.EnterCodeAsync(practitioner);
        Assert.Equal("/people", new Uri(page.Url).AbsolutePath);
        await ExpectDemoBannerAsync();

        // Both names, as a practitioner would type them: a common family name alone has more than a page of people.
        await page.GetByLabel("Given name", new() { Exact = true }).FillAsync(child.GivenName);
        await page.GetByLabel("Family name", new() { Exact = true }).FillAsync(child.FamilyName);
        await page.SubmitAsync("Search");
        await ExpectDemoBannerAsync();
        var result = page.Locator("table.govuk-table").GetByRole(AriaRole.Link, new() { Name = $"{child.GivenName} {child.FamilyName}", Exact = true });
        await Assertions.Expect(result.First).ToBeVisibleAsync();

        await result.First.ClickAsync();
        await page.ArriveAtAsync("/people/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{child.GivenName} {child.FamilyName}");
        await Assertions.Expect(page.Locator("main dl.govuk-summary-list").First).ToContainTextAsync("Date of birth");
        await ExpectDemoBannerAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.ArriveAtAsync("/account/sign-out");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You have signed out");
        await ExpectDemoBannerAsync();

        // Signed out means signed out: the record asks for sign-in again.
        await page.GoBackAsync();
        await page.ReloadAsync();
        Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);
        Assert.Equal(6, pagesSeen.Count);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Axe_finds_a_deliberate_wcag_error()
    {
        var page = await fixture.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>Check</title></head><body><main><h1>Check</h1><img src=\"x.png\"><input type=\"text\"></main></body></html>");
        var violations = await page.AxeViolationsAsync("deliberate errors");
        await page.Context.CloseAsync();
        Assert.Contains(violations, v => v.Contains("image-alt", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("label", StringComparison.Ordinal));
    }

    /// <summary>A child of the demo partnership, not sealed, read from the database the host seeded.</summary>
    private static async Task<(string GivenName, string FamilyName)> AChildAsync(DemoHost host)
    {
        await using var db = host.NewContext();
        var people = await db.People.AsNoTracking().Where(p => !p.IsSealed)
            .Select(p => new { p.GivenName, p.FamilyName, p.DateOfBirth }).ToListAsync();
        var eighteenYearsAgo = SystemClock.Instance.GetCurrentInstant().InUtc().Date.PlusYears(-18);
        var child = people.Where(p => p.DateOfBirth > eighteenYearsAgo)
            .OrderBy(p => p.FamilyName, StringComparer.Ordinal).ThenBy(p => p.GivenName, StringComparer.Ordinal)
            .Skip(people.Count / 4).First();
        return (child.GivenName, child.FamilyName);
    }
}
