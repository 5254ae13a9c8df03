using Microsoft.Playwright;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Testing;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>
/// Every page of the shell, in the states people meet it (signed out, signed in per role, empty form submitted),
/// checked with axe against WCAG 2.2 A and AA (on PostgreSQL's host: <see cref="BrowserSteps.AxeDatabase"/>), and for the
/// demo banner and status on both. All pages are checked before asserting, so one run lists every problem.
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
        audit.Watch(page);
        await page.SignInAsync(host, socialWorker);
        // Refused on purpose: the page says why and offers break-glass, with status 403.
        await audit.VisitAsync(page, "Refused record", $"/people/{outsider.Id}", expectedStatus: 403);
        await audit.VisitAsync(page, "Break-glass", $"/people/{outsider.Id}/break-glass");
        await audit.SubmitEmptyAsync(page, "Break-glass");
        await page.GetByLabel("Why do you need this record now?").FillAsync("Urgent strategy discussion this afternoon; the usual team is unavailable.");
        await page.SubmitAsync();
        await audit.CheckAsync(page, "Record opened with break-glass");
        await page.Context.CloseAsync();

        // The Front Door manager: people, a record, who has looked at it.
        page = await fixture.NewPageAsync();
        audit.Watch(page);
        await page.SignInAsync(host, host.User(Role.FrontDoorManager));
        await audit.VisitAsync(page, "Find a person", "/people");
        await audit.SubmitEmptyAsync(page, "Find a person");
        await page.GetByLabel("Family name", new() { Exact = true }).FillAsync("Zzyzxnobody");
        await page.SubmitAsync();
        await audit.CheckAsync(page, "Find a person (no results)");
        await page.GetByLabel("Family name", new() { Exact = true }).FillAsync(outsider.FamilyName);
        await page.SubmitAsync();
        await audit.CheckAsync(page, "Find a person (results)");
        await audit.VisitAsync(page, "Person's record", $"/people/{outsider.Id}");
        await page.ScreenshotAsync(new() { Path = Screenshot($"person-record-{provider}.png"), FullPage = true });
        await audit.VisitAsync(page, "Who has looked at this record", $"/audit/people/{outsider.Id}");
        // The demo police feed leaves possible siblings for review.
        await audit.VisitAsync(page, "Possible matches to review", "/people/review");
        var review = await page.Locator("tbody a").First.GetAttributeAsync("href");
        await audit.VisitAsync(page, "Is this the same person?", review!);
        await audit.SubmitEmptyAsync(page, "Is this the same person?");
        await audit.VisitAsync(page, "Links held for a decision", "/held-links");
        // Operation Encompass: children from incidents that no roll placed.
        await audit.VisitAsync(page, "Children to place", "/domestic-abuse/encompass/children-to-place");
        var child = await page.Locator("tbody a").First.GetAttributeAsync("href");
        await audit.VisitAsync(page, "Place a child", child!);
        await audit.SubmitEmptyAsync(page, "Place a child");
        await page.Context.CloseAsync();

        // The police analyst's upload page, and the council's education lead's register form.
        page = await fixture.NewPageAsync();
        audit.Watch(page);
        await page.SignInAsync(host, host.User(Role.PoliceDomesticAbuse));
        await audit.VisitAsync(page, "Upload incidents", "/domestic-abuse/encompass/upload");
        await audit.SubmitEmptyAsync(page, "Upload incidents");
        await page.Context.CloseAsync();
        page = await fixture.NewPageAsync();
        audit.Watch(page);
        await page.SignInAsync(host, host.User(Role.EducationLead));
        await audit.VisitAsync(page, "Add a child to a register", "/learners/registers/add");
        await audit.SubmitEmptyAsync(page, "Add a child to a register");
        // The dashboard with the CME and EHE figures, and the population behind the CME rate (emptied: the demo has one).
        await audit.VisitAsync(page, "School attendance", "/learners");
        await audit.VisitAsync(page, "Population for the CME rate", "/learners/population");
        await page.FillAsync("#Aged5To16", "");
        await page.FillAsync("#Source", "");
        await audit.SubmitEmptyAsync(page, "Population for the CME rate");
        await page.Context.CloseAsync();

        // Signed out, then the partnership administrator signing in through the real pages.
        page = await fixture.NewPageAsync();
        audit.Watch(page);
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
        await audit.VisitAsync(page, "Role changes waiting for approval", "/admin/users/role-changes");
        await audit.VisitAsync(page, "Roles", "/admin/roles");
        await audit.VisitAsync(page, "API clients", "/admin/api-clients");
        await audit.VisitAsync(page, "Add an API client", "/admin/api-clients/add");
        await audit.SubmitEmptyAsync(page, "Add an API client");
        await audit.VisitAsync(page, "Matching records to people", "/admin/linkage");
        await audit.VisitAsync(page, "Accessibility statement", "/accessibility");
        await audit.VisitAsync(page, "API reference", "/api-reference");
        await audit.VisitAsync(page, "Set up your authenticator", "/account/mfa-setup");
        await audit.VisitAsync(page, "Break-glass reviews", "/audit/break-glass-reviews");
        await audit.VisitAsync(page, "Records not accepted", "/admin/quarantine");
        await page.Context.CloseAsync();

        Assert.True(audit.Problems.Count == 0,
            $"{audit.Problems.Count} problem(s) on {audit.PagesChecked} page states:{Environment.NewLine}{string.Join(Environment.NewLine, audit.Problems)}");
    }

    /// <summary>Where screenshots go; SAFEGUARDING_SCREENSHOTS=all also takes one of every page state checked.</summary>
    internal static string Screenshot(string name)
    {
        var dir = Path.Combine(EndToEndFixture.OutputDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }
}

/// <summary>Collects what is wrong with each page state: axe violations, a missing demo banner, a wrong status.</summary>
public sealed class PageAudit(DemoHost host)
{
    private string _current = "(no page yet)";

    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems { get { lock (_problems) return [.. _problems]; } }
    public int PagesChecked { get; private set; }

    // Browser events arrive on Playwright's own threads.
    private void Add(string problem) { lock (_problems) _problems.Add(problem); }

    /// <summary>Also records what breaks rendering: scripts that fail, blocked or missing styles, fonts and images.</summary>
    public void Watch(IPage page)
    {
        page.PageError += (_, error) => Add($"{_current}: script error {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                Add($"{_current}: console error {message.Text}");
        };
        page.RequestFailed += (_, request) => Add($"{_current}: {request.Url} failed ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !response.Request.IsNavigationRequest)
                Add($"{_current}: {response.Url} answered {response.Status}");
        };
    }

    public async Task VisitAsync(IPage page, string name, string path, int expectedStatus = 200)
    {
        _current = name;
        var response = await page.GotoAsync(host.Url(path));
        var landed = new Uri(page.Url).AbsolutePath;
        if (response is null || response.Status != expectedStatus || !string.Equals(landed, path, StringComparison.OrdinalIgnoreCase))
        {
            Add($"{name} ({path}): expected the page with status {expectedStatus}, got {response?.Status} at {landed}");
            return;
        }
        await CheckAsync(page, name);
    }

    public async Task SubmitEmptyAsync(IPage page, string name)
    {
        _current = $"{name} (submitted empty)";
        await page.SubmitAsync();
        if (await page.Locator(".govuk-error-summary").CountAsync() == 0)
            Add($"{name} ({new Uri(page.Url).AbsolutePath}): submitting the form empty showed no error summary");
        // GOV.UK error summary: each link goes to its field, in the order the fields come on the page.
        var summary = await page.EvaluateAsync<string[]>(@"() => {
            const links = [...document.querySelectorAll('.govuk-error-summary__list a')];
            const problems = links.filter(a => !document.getElementById(a.hash.slice(1))).map(a => `link ${a.hash} goes to no element`);
            const targets = links.map(a => document.getElementById(a.hash.slice(1))).filter(t => t);
            for (let i = 1; i < targets.length; i++)
                if (targets[i - 1].compareDocumentPosition(targets[i]) & Node.DOCUMENT_POSITION_PRECEDING)
                    problems.push(`errors out of field order: #${targets[i - 1].id} is listed before #${targets[i].id}`);
            return problems;
        }");
        foreach (var problem in summary) Add($"{name} ({new Uri(page.Url).AbsolutePath}): error summary {problem}");
        await CheckAsync(page, $"{name} (submitted empty)");
    }

    public async Task CheckAsync(IPage page, string name)
    {
        _current = name;
        PagesChecked++;
        if (Environment.GetEnvironmentVariable("SAFEGUARDING_SCREENSHOTS") == "all")
            await page.ScreenshotAsync(new() { Path = AccessibilityTests.Screenshot($"{host.Database.Provider}-{PagesChecked:00}-{string.Concat(name.Where(char.IsLetterOrDigit))}.png"), FullPage = true });
        foreach (var violation in await page.AxeViolationsAsync(name)) Add(violation);
        if (!await page.HasDemoBannerAsync())
            Add($"{name} ({new Uri(page.Url).AbsolutePath}): no \"{BrowserSteps.DemoBannerText}\" banner");
    }
}
