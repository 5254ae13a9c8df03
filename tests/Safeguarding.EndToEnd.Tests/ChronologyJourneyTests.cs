using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Safeguarding.Core.Data;
using Safeguarding.Core.DomesticAbuse.Encompass;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Testing;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>
/// The Front Door's home page with its work counted, and a demo victim's chronology: filtered, refused an impossible
/// date, and downloaded as a PDF for a strategy meeting. Axe checks each page.
/// </summary>
public sealed class ChronologyJourneyTests(EndToEndFixture fixture)
{
    [Theory, BothDatabases]
    public async Task The_Front_Door_sees_its_work_then_filters_a_victims_chronology_and_downloads_it(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        Guid victimId;
        await using (var db = host.NewContext())
            victimId = await db.DomesticIncidents.AsNoTracking().Where(i => i.IsLatest)
                .SelectMany(i => i.Adults.Where(a => a.Role == IncidentAdultRole.Victim && a.PersonId != null)).OrderBy(a => a.Id)
                .Select(a => a.PersonId!.Value).FirstAsync();
        var violations = new List<string>();
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(host, host.User(Role.FrontDoorPractitioner));

        await page.GotoAsync(host.Url("/"));
        await Assertions.Expect(page.Locator("main h2").First).ToHaveTextAsync("What waits for you");
        await Assertions.Expect(page.Locator("#waiting")).ToContainTextAsync("Children to place with a school or college");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("arrive with the learners");
        violations.AddRange(await page.AxeViolationsAsync("Home page"));

        await page.GotoAsync(host.Url($"/people/{victimId}"));
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Chronology") }).ClickAsync();
        await page.ArriveAtAsync($"/people/{victimId}/chronology");
        await Assertions.Expect(page.Locator("#chronology")).ToContainTextAsync("Domestic incident");
        violations.AddRange(await page.AxeViolationsAsync("Chronology"));

        await page.GetByLabel("Police incidents and Operation Encompass notifications").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.ArriveAtAsync("Modules=incidents");
        await Assertions.Expect(page.Locator("#chronology tbody tr").First).ToContainTextAsync("Domestic incident");
        Assert.All(await page.Locator("#chronology tbody tr").AllTextContentsAsync(), row => Assert.Contains("Domestic incident", row));
        violations.AddRange(await page.AxeViolationsAsync("Chronology, filtered"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as PDF for a strategy meeting" }).ClickAsync());
        var path = await download.PathAsync();
        var head = new byte[5];
        await using (var file = File.OpenRead(path))
            await file.ReadExactlyAsync(head);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(head));
        Assert.StartsWith("chronology-", download.SuggestedFilename);

        await page.Locator("#From-day").FillAsync("31");
        await page.Locator("#From-month").FillAsync("2");
        await page.Locator("#From-year").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.ArriveAtAsync("From.Day=31");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Date from must be a real date");
        violations.AddRange(await page.AxeViolationsAsync("Chronology, impossible date"));

        Assert.Empty(violations);
    }
}
