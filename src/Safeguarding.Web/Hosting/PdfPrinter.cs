using Microsoft.Playwright;

namespace Safeguarding.Web.Hosting;

/// <summary>
/// Where the PDF printer finds Chromium: <c>Safeguarding:Pdf:ChromiumPath</c> (Debian's package by default), or, where the
/// host has no browser of its own (the container image has no package manager and no shell), a Chromium already
/// running beside it, reached over the DevTools protocol at <c>Safeguarding:Pdf:CdpEndpoint</c> (deploy/compose.yaml).
/// </summary>
public sealed record PdfOptions(string ChromiumPath, Uri? CdpEndpoint = null)
{
    public const string Section = "Safeguarding:Pdf";
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    public static PdfOptions From(IConfiguration config) =>
        new(config[$"{Section}:ChromiumPath"] is { Length: > 0 } path ? path : DefaultChromiumPath,
            config[$"{Section}:CdpEndpoint"] is { Length: > 0 } endpoint ? new Uri(endpoint, UriKind.Absolute) : null);
}

/// <summary>The server has no Chromium where configuration says: the page answers with what to do, not a stack trace.</summary>
public sealed class PdfUnavailableException(string message) : Exception(message);

/// <summary>
/// Prints our own accessible HTML to a tagged PDF with headless Chromium (docs/decisions/ADR-019, STACK.md "PDF"): the
/// document's headings, table and language survive as PDF structure, so a screen reader can read the export. One
/// browser per process, started on first use (Playwright cannot download browsers here: it is launched by path, as
/// the browser tests launch it); each print has its own context, closed after.
/// </summary>
public sealed class PdfPrinter(PdfOptions options, ILogger<PdfPrinter> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _start = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Starts Chromium if it is not running: throws <see cref="PdfUnavailableException"/> before anything is exported when it cannot.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        await BrowserAsync();
        ct.ThrowIfCancellationRequested();
    }

    public async Task<byte[]> PrintAsync(string html, CancellationToken ct = default)
    {
        var browser = await BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", JavaScriptEnabled = false });
        try
        {
            var page = await context.NewPageAsync();
            // The document is complete in itself (styles inline, no scripts, no requests): nothing is fetched from anywhere.
            await page.RouteAsync("**/*", route => route.AbortAsync());
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            ct.ThrowIfCancellationRequested();
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                Tagged = true,
                Outline = true,
                PrintBackground = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = "<span></span>",
                FooterTemplate = "<div style=\"font-size:8px;width:100%;text-align:center;\">OFFICIAL-SENSITIVE. Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></div>",
                Margin = new Margin { Top = "15mm", Bottom = "18mm", Left = "15mm", Right = "15mm" },
            });
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private async Task<IBrowser> BrowserAsync()
    {
        if (_browser is { IsConnected: true } running) return running;
        await _start.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true } started) return started;
            if (options.CdpEndpoint is { } endpoint) return await ConnectAsync(endpoint);
            if (!File.Exists(options.ChromiumPath))
                throw new PdfUnavailableException($"Chromium is not installed at {options.ChromiumPath} ({PdfOptions.Section}:ChromiumPath).");
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
            });
            logger.LogInformation("PDF printer started Chromium from {ChromiumPath}", options.ChromiumPath);
            return _browser;
        }
        catch (PlaywrightException e)
        {
            throw new PdfUnavailableException($"Chromium at {options.ChromiumPath} could not be started: {e.Message}");
        }
        finally
        {
            _start.Release();
        }
    }

    // A browser another process runs: connected to, never started or stopped here; a lost connection is made again.
    private async Task<IBrowser> ConnectAsync(Uri endpoint)
    {
        _playwright ??= await Playwright.CreateAsync();
        try
        {
            _browser = await _playwright.Chromium.ConnectOverCDPAsync(endpoint.ToString(), new BrowserTypeConnectOverCDPOptions { Timeout = 15_000 });
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            throw new PdfUnavailableException($"Chromium could not be reached at {endpoint} ({PdfOptions.Section}:CdpEndpoint): {e.Message}");
        }
        logger.LogInformation("PDF printer connected to Chromium at {CdpEndpoint}", endpoint);
        return _browser;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _start.Dispose();
    }
}

public static class PdfPrinting
{
    public static IServiceCollection AddPdfPrinter(this IServiceCollection services, IConfiguration config) => services
        .AddSingleton(PdfOptions.From(config))
        .AddSingleton<PdfPrinter>();
}
