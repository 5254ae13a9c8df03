using Microsoft.Playwright;
using Safeguarding.Core.Data;

[assembly: AssemblyFixture(typeof(Safeguarding.EndToEnd.Tests.EndToEndFixture))]

namespace Safeguarding.EndToEnd.Tests;

/// <summary>
/// One headless Chromium for the whole run (Debian's, by path: Playwright cannot download browsers here), and one
/// demo host per database provider, started on first use.
/// </summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "SAFEGUARDING_CHROMIUM";

    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<DatabaseProvider, DemoHost> _hosts = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>Gitignored folder for screenshots, next to the solution.</summary>
    public static string OutputDirectory { get; } = FindOutputDirectory();

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<DemoHost> HostAsync(DatabaseProvider provider)
    {
        await _lock.WaitAsync();
        try
        {
            if (!_hosts.TryGetValue(provider, out var host))
            {
                host = await DemoHost.StartAsync(provider);
                if (provider != BrowserSteps.AxeDatabase) BrowserSteps.AxeLeavesAlone(host.BaseUrl);
                _hosts[provider] = host;
            }
            return host;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.Values) await host.DisposeAsync();
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _lock.Dispose();
    }

    private static string FindOutputDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Safeguarding.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, ".test-output");
    }
}
