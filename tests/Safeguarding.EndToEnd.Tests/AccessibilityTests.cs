using Microsoft.Playwright;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Testing;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>
/// Every page of the shell, in the states people meet it (signed out, signed in per role, empty form submitted),
/// checked with axe against WCAG 2.2 A and AA, and for the demo banner. All pages are checked before asserting,
/// so one run lists every problem.
/// </summary>
public sealed class AccessibilityTests(EndToEndFixture fixture)
{
    [Theory, BothDatabases]
    public async Task Every_page_of_the_shell_has_no_wcag_22_aa_violation(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var audit = new PageAudit(host);

        var socialWorker = host.User(Role.SocialWorker);
        var (_, socialWorkerOrganisation) = await host.UserAsync(socialWorker);
        var outsider = await host.PersonOutsideAsync(socialWorkerOrganisation);

        // A social worker meets a record outside their cases, and the break-glass page.
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(host, socialWorker);
        await audit.VisitAsync(page, "Refused record", $"/people/{outsider.Id}");
        await audit.VisitAsync(page, "Break-glass", $"/people/{outsider.Id}/break-glass");
        await audit.SubmitEmptyAsync(page, "Break-glass");
        await page.GetByLabel("Why do you need this record now?").FillAsync("Urgent strategy discussion this afternoon; the usual team is unavailable.");
        await page.SubmitAsync();
        await audit.CheckAsync(page, "Record opened with break-glass");
        await page.Context.CloseAsync();

        // The Front Door manager: people, a record, who has looked at it.
        page = await fixture.NewPageAsync();
        await page.SignInAsync(host, host.User(Role.FrontDoorManager));
        await audit.VisitAsync(page, "Find a person", "/people");
        await audit.SubmitEmptyAsync(page, "Find a person");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Zzyzxnobody");
        await page.SubmitAsync();
        await audit.CheckAsync(page, "Find a person (no results)");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(outsider.FamilyName);
        await page.SubmitAsync();
        await audit.CheckAsync(page, "Find a person (results)");
        await audit.VisitAsync(page, "Person's record", $"/people/{outsider.Id}");
        await page.ScreenshotAsync(new() { Path = Screenshot($"person-record-{provider}.png"), FullPage = true });
        await audit.VisitAsync(page, "Who has looked at this record", $"/audit/people/{outsider.Id}");
        await page.Context.CloseAsync();

        // Signed out, then the partnership administrator signing in through the real pages.
        page = await fixture.NewPageAsync();
        var admin = host.User(Role.PartnershipAdministrator);
        await audit.VisitAsync(page, "Sign in", "/account/sign-in");
        await audit.SubmitEmptyAsync(page, "Sign in");
        await page.EnterPasswordAsync(host, admin);
        await audit.CheckAsync(page, "Authenticator code");
        await audit.SubmitEmptyAsync(page, "Authenticator code");
        await page.EnterCodeAsync(admin);

        await audit.VisitAsync(page, "Home", "/");
        await page.ScreenshotAsync(new() { Path = Screenshot($"home-{provider}.png"), FullPage = true });
        await audit.VisitAsync(page, "Organisations", "/admin/organisations");
        await audit.VisitAsync(page, "Add an organisation", "/admin/organisations/add");
        await audit.SubmitEmptyAsync(page, "Add an organisation");
        await audit.VisitAsync(page, "Users", "/admin/users");
        await audit.VisitAsync(page, "Add a user", "/admin/users/add");
        await audit.SubmitEmptyAsync(page, "Add a user");
        var (socialWorkerId, _) = await host.UserAsync(socialWorker);
        await audit.VisitAsync(page, "A user", $"/admin/users/{socialWorkerId}");
        await audit.VisitAsync(page, "Roles", "/admin/roles");
        await audit.VisitAsync(page, "API clients", "/admin/api-clients");
        await audit.VisitAsync(page, "Add an API client", "/admin/api-clients/add");
        await audit.SubmitEmptyAsync(page, "Add an API client");
        await audit.VisitAsync(page, "Accessibility statement", "/accessibility");
        await audit.VisitAsync(page, "API reference", "/api-reference");
        await audit.VisitAsync(page, "Set up your authenticator", "/account/mfa-setup");
        await audit.VisitAsync(page, "Break-glass reviews", "/audit/break-glass-reviews");
        await page.Context.CloseAsync();

        Assert.True(audit.Problems.Count == 0,
            $"{audit.Problems.Count} problem(s) on {audit.PagesChecked} page states:{Environment.NewLine}{string.Join(Environment.NewLine, audit.Problems)}");
    }

    private static string Screenshot(string name)
    {
        var dir = Path.Combine(EndToEndFixture.OutputDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }
}

/// <summary>Collects what is wrong with each page state: axe violations, a missing demo banner, a wrong status.</summary>
public sealed class PageAudit(DemoHost host)
{
    public List<string> Problems { get; } = [];
    public int PagesChecked { get; private set; }

    public async Task VisitAsync(IPage page, string name, string path)
    {
        var response = await page.GotoAsync(host.Url(path));
        var landed = new Uri(page.Url).AbsolutePath;
        if (response is null || response.Status != 200 || !string.Equals(landed, path, StringComparison.OrdinalIgnoreCase))
        {
            Problems.Add($"{name} ({path}): expected the page with status 200, got {response?.Status} at {landed}");
            return;
        }
        await CheckAsync(page, name);
    }

    public async Task SubmitEmptyAsync(IPage page, string name)
    {
        await page.SubmitAsync();
        if (await page.Locator(".govuk-error-summary").CountAsync() == 0)
            Problems.Add($"{name} ({new Uri(page.Url).AbsolutePath}): submitting the form empty showed no error summary");
        await CheckAsync(page, $"{name} (submitted empty)");
    }

    public async Task CheckAsync(IPage page, string name)
    {
        PagesChecked++;
        Problems.AddRange(await page.AxeViolationsAsync(name));
        if (!await page.HasDemoBannerAsync())
            Problems.Add($"{name} ({new Uri(page.Url).AbsolutePath}): no \"{BrowserSteps.DemoBannerText}\" banner");
    }
}
