using Deque.AxeCore.Commons;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Safeguarding.Core.Demo;
using Safeguarding.Testing;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>What a person does in the browser: sign in through the real pages, open a page, submit a form.</summary>
public static class BrowserSteps
{
    public const string DemoBannerText = "Demonstration: synthetic data";

    public static async Task EnterPasswordAsync(this IPage page, DemoHost host, DemoUserCredential user)
    {
        if (!page.Url.Contains("/account/sign-in", StringComparison.Ordinal)) await page.GotoAsync(host.Url("/account/sign-in"));
        await page.GetByLabel("Email address").FillAsync(user.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.ArriveAtAsync("/account/sign-in/code");
    }

    public static async Task EnterCodeAsync(this IPage page, DemoUserCredential user)
    {
        await OneTimeCodes.SubmitAsync(user.TotpSecret, async code =>
        {
            await page.GetByLabel("Enter your authenticator code").FillAsync(code);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.ArriveAtAsync(new Regex("^(?!.*/account/sign-in)"));
            return true;
        });
    }

    /// <summary>
    /// Signs the page in as the user. The first time on a host, through the real pages; after that the page takes the
    /// session cookies the first sign-in earned, as a second tab would, unless the service no longer honours them. The
    /// suite's tests share each host's demo users, and a user's sign-ins are otherwise 30 seconds apart (codes work
    /// once per step). The sign-in pages themselves are walked by the tests that are about them.
    /// </summary>
    public static async Task SignInAsync(this IPage page, DemoHost host, DemoUserCredential user)
    {
        if (Sessions.TryGetValue((host, user.Email), out var cookies))
        {
            await page.Context.AddCookiesAsync(cookies.Select(c => new Cookie
            {
                Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires,
                HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
            }));
            await page.GotoAsync(host.Url("/"));
            if (!page.Url.Contains("/account/sign-in", StringComparison.Ordinal)) return;
            await page.Context.ClearCookiesAsync();
        }
        await page.GotoAsync(host.Url("/account/sign-in"));
        await page.EnterPasswordAsync(host, user);
        await page.EnterCodeAsync(user);
        Sessions[(host, user.Email)] = await page.Context.CookiesAsync();
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(DemoHost Host, string Email), IReadOnlyList<BrowserContextCookiesResult>> Sessions = new();

    /// <summary>Clicks the page's own submit button (the form in main) and waits for the answer to the post.</summary>
    public static async Task<IResponse> SubmitAsync(this IPage page, string? buttonName = null)
    {
        var button = buttonName is null
            ? page.Locator("main form[method=post] button[type=submit]").First
            : page.Locator("main").GetByRole(AriaRole.Button, new() { Name = buttonName });
        var response = await page.RunAndWaitForResponseAsync(() => button.ClickAsync(),
            r => r.Request.Method == "POST" && r.Request.IsNavigationRequest);
        await page.LoadedAsync();
        return response;
    }

    /// <summary>
    /// Waits until the address contains the path and the page has loaded. Not WaitForURLAsync: it can miss the
    /// navigation it waits for and time out on a page already there (microsoft/playwright-dotnet#3364); the
    /// URL assertion polls instead.
    /// </summary>
    public static Task ArriveAtAsync(this IPage page, string path) => page.ArriveAtAsync(new Regex(Regex.Escape(path)));

    public static async Task ArriveAtAsync(this IPage page, Regex address)
    {
        await Assertions.Expect(page).ToHaveURLAsync(address);
        await page.LoadedAsync();
    }

    /// <summary>The load state, asked in short waits: a missed load event is still recorded, so a later ask finds it.</summary>
    public static async Task LoadedAsync(this IPage page)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = 1_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 30)
            {
            }
        }
    }

    /// <summary>
    /// Axe-core's own script, as the Deque package bundles it. We run it in the page ourselves (ADR-026): the package's
    /// RunAxe opens a second page for every check to merge frames' results, which our pages (no frames) do not need;
    /// measured, that is most of a check's cost. Only violations come back, as axe's resultTypes option allows.
    /// </summary>
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        using var stream = typeof(AxeRunOptions).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe-core's script is not in Deque.AxeCore.Commons");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly string[] Wcag22AATags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>One failing rule as the page returns it (Playwright fills properties, so not a positional record).</summary>
    private sealed class AxeViolation
    {
        public string Id { get; set; } = "";
        public string? Impact { get; set; }
        public string Help { get; set; } = "";
        public string[] Targets { get; set; } = [];
    }

    /// <summary>
    /// The database whose host's pages axe reads (ADR-026). Axe reads markup, which the pages render the same whichever
    /// database is behind them, and it is half of a journey's time: the journeys, with their statuses, banners, error
    /// summaries and widths, run on both databases; axe runs on the pages of PostgreSQL's host, production's database.
    /// </summary>
    public const Safeguarding.Core.Data.DatabaseProvider AxeDatabase = Safeguarding.Core.Data.DatabaseProvider.Postgres;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> OriginsAxeLeavesAlone = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The host of the other database: its pages are the same markup axe reads on <see cref="AxeDatabase"/>'s host.</summary>
    internal static void AxeLeavesAlone(string baseUrl) => OriginsAxeLeavesAlone[new Uri(baseUrl).GetLeftPart(UriPartial.Authority)] = true;

    /// <summary>Axe's WCAG 2.2 A and AA rules on the page as it is now, one line per failing rule.</summary>
    public static async Task<IReadOnlyList<string>> AxeViolationsAsync(this IPage page, string name)
    {
        if (Uri.TryCreate(page.Url, UriKind.Absolute, out var address) && address.Scheme is "http" or "https"
            && OriginsAxeLeavesAlone.ContainsKey(address.GetLeftPart(UriPartial.Authority)))
            return [];
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'")) await page.EvaluateAsync(AxeSource.Value);
        var violations = await page.EvaluateAsync<AxeViolation[]>(
            @"async tags => (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations
                .map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => JSON.stringify(n.target)) }))",
            Wcag22AATags);
        return violations.Select(v =>
            $"{name} ({new Uri(page.Url).PathAndQuery}): {v.Id} [{v.Impact}] {v.Help} at {string.Join(" | ", v.Targets)}").ToList();
    }

    /// <summary>
    /// Null when the page fits its screen; otherwise how wide it is and the last few elements that stick out. A phone
    /// zooms out to show a page wider than itself, which widens innerWidth with it; the layout viewport (clientWidth)
    /// stays the screen's width, so the page must fit both.
    /// </summary>
    public static async Task<string?> TooWideAsync(this IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, Math.min(window.innerWidth, document.documentElement.clientWidth)]");
        if (widths[0] <= widths[1]) return null;
        var widest = await page.EvaluateAsync<string>(@"() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .slice(-3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + [...e.classList].join('.') : '')).join(', ')");
        return $"{widths[0]} px wide on a {widths[1]} px screen; too wide: {widest}";
    }

    /// <summary>The page as it is now, narrowed to a 390 px phone and back: it must not scroll sideways.</summary>
    public static async Task FitsAPhoneAsync(this IPage page, string what)
    {
        var size = page.ViewportSize;
        await page.SetViewportSizeAsync(390, 844);
        var tooWide = await page.TooWideAsync();
        Assert.True(tooWide is null, $"{what} scrolls sideways on a 390 px screen: {tooWide}");
        if (size is not null) await page.SetViewportSizeAsync(size.Width, size.Height);
    }

    public static async Task<bool> HasDemoBannerAsync(this IPage page)
    {
        var banner = page.Locator(".app-demo-banner");
        return await banner.CountAsync() == 1 && await banner.IsVisibleAsync()
            && (await banner.InnerTextAsync()).Contains(DemoBannerText, StringComparison.OrdinalIgnoreCase);
    }
}
