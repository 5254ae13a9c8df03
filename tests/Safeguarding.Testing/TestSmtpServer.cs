using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Safeguarding.Core.Platform.Outbox;

namespace Safeguarding.Testing;

/// <summary>A mail as the SMTP server received it.</summary>
public sealed record ReceivedMail(string Id, IReadOnlyList<string> To, string Subject, string Text, string? MessageId, string? DeliveryKey);

/// <summary>
/// A real SMTP server for the tests: maildev (npm, installed into tests/tools/maildev on first use), on loopback ports
/// of its own, read back through its REST API. One is shared by a test process; tests tell their mail apart by
/// recipient. Tests that kill processes start their own.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static TestSmtpServer? _shared;
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private readonly Process _process;

    private TestSmtpServer(Process process, int smtpPort, int webPort)
    {
        _process = process;
        SmtpPort = smtpPort;
        WebPort = webPort;
    }

    public int SmtpPort { get; }
    public int WebPort { get; }

    public SmtpSettings Settings => new()
    {
        Host = "127.0.0.1", Port = SmtpPort, Security = MailKit.Security.SecureSocketOptions.None,
        FromAddress = "hub@test.example", MessageIdDomain = "test.example",
    };

    public static async Task<TestSmtpServer> SharedAsync()
    {
        await Lock.WaitAsync();
        try
        {
            return _shared ??= await StartAsync();
        }
        finally
        {
            Lock.Release();
        }
    }

    public static async Task<TestSmtpServer> StartAsync()
    {
        var script = await InstalledAsync();
        var smtpPort = FreePort();
        var webPort = FreePort();
        var start = new ProcessStartInfo("node", [script, "-s", smtpPort.ToString(), "-w", webPort.ToString(), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start maildev.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } };
        var server = new TestSmtpServer(process, smtpPort, webPort);
        var until = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                var health = await Http.GetAsync($"http://127.0.0.1:{webPort}/api/healthz");
                if (health.IsSuccessStatusCode && await SmtpListeningAsync(smtpPort)) return server;
            }
            catch (HttpRequestException) { }
            if (process.HasExited || DateTime.UtcNow > until)
                throw new InvalidOperationException($"maildev did not start (exit {(process.HasExited ? process.ExitCode : -1)}).");
            await Task.Delay(250);
        }
    }

    /// <summary>Every mail the server holds.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> MailsAsync()
    {
        var json = await Http.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{WebPort}/api/email");
        return json.EnumerateArray().Select(m =>
        {
            var headers = m.GetProperty("headers");
            string? Header(string name) => headers.TryGetProperty(name, out var h) ? h.GetString() : null;
            var to = m.TryGetProperty("envelope", out var env)
                ? env.GetProperty("to").EnumerateArray().Select(t => t.GetProperty("address").GetString()!).ToList()
                : [];
            return new ReceivedMail(m.GetProperty("id").GetString()!, to,
                m.TryGetProperty("subject", out var s) ? s.GetString() ?? "" : "",
                m.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "",
                Header("message-id")?.Trim('<', '>'), Header("x-safeguarding-delivery"));
        }).ToList();
    }

    /// <summary>Mail to any of the addresses, waiting until at least <paramref name="count"/> arrived.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(IReadOnlyCollection<string> recipients, int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var mails = (await MailsAsync()).Where(m => m.To.Any(a => recipients.Contains(a, StringComparer.OrdinalIgnoreCase))).ToList();
            if (mails.Count >= count || DateTime.UtcNow > until) return mails;
            await Task.Delay(200);
        }
    }

    private static async Task<bool> SmtpListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>maildev's entry script, after `npm ci` in tests/tools/maildev when it is not there yet.</summary>
    private static async Task<string> InstalledAsync()
    {
        var dir = Path.Combine(RepositoryRoot(), "tests", "tools", "maildev");
        var script = Path.Combine(dir, "node_modules", "maildev", "dist", "bin", "maildev.js");
        if (File.Exists(script)) return script;
        var npm = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"]) { WorkingDirectory = dir, UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not run npm to install maildev.");
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0 || !File.Exists(script))
            throw new InvalidOperationException($"npm ci in {dir} failed ({npm.ExitCode}): the tests need maildev.");
        return script;
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Safeguarding.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Safeguarding.slnx).");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
