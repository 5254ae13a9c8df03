using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Testing;
using Safeguarding.Core.Platform.Secrets;
using Safeguarding.Web.Hosting;

namespace Safeguarding.Web.Tests.Hosting;

/// <summary>
/// Fail-closed configuration: the shipped settings are production's, a production host refuses settings that are only
/// safe on a developer's machine, demo mode refuses a real database, and what the proxy says is believed only from it.
/// </summary>
public sealed class FailClosedTests
{
    private static string NewFolder() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "safeguarding-fail-closed-tests", Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>A host on an empty SQLite folder in the given environment with the given settings; started on first use.</summary>
    private static WebApplicationFactory<Program> Host(string environment, string folder, IReadOnlyDictionary<string, string?> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.UseSetting("Database:Provider", nameof(DatabaseProvider.Sqlite));
            b.UseSetting("Safeguarding:DataDirectory", folder);
            b.UseSetting("Safeguarding:KeysDirectory", Path.Combine(folder, "keys"));
            b.UseSetting("Safeguarding:BackgroundWork:Enabled", "false");
            foreach (var (key, value) in settings) b.UseSetting(key, value);
        });

    private static string CertificateFile(string folder, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=safeguarding-hub data-protection keys (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    private static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, relative))) return Path.Combine(dir.FullName, relative);
        throw new FileNotFoundException(relative);
    }

    [Fact]
    public void The_shipped_settings_are_production_and_only_development_turns_the_demo_on()
    {
        using var shipped = JsonDocument.Parse(File.ReadAllText(RepositoryFile("src/Safeguarding.Web/appsettings.json")));
        using var development = JsonDocument.Parse(File.ReadAllText(RepositoryFile("src/Safeguarding.Web/appsettings.Development.json")));
        using var launch = JsonDocument.Parse(File.ReadAllText(RepositoryFile("src/Safeguarding.Web/Properties/launchSettings.json")));
        var hub = shipped.RootElement.GetProperty("Safeguarding");

        Assert.False(hub.GetProperty("DemoMode").GetBoolean());
        Assert.False(hub.GetProperty("SeedDemoOnStart").GetBoolean());
        Assert.False(hub.GetProperty("MigrateOnStart").GetBoolean());
        Assert.Contains(hub.GetProperty("Smtp").GetProperty("Security").GetString(), new[] { "StartTls", "SslOnConnect" });
        Assert.NotEqual("*", shipped.RootElement.GetProperty("AllowedHosts").GetString());
        Assert.True(development.RootElement.GetProperty("Safeguarding").GetProperty("DemoMode").GetBoolean());
        // `dotnet run` (the README's first command) runs in Development, so it still gives the demo partnership.
        Assert.Equal("Development", launch.RootElement.GetProperty("profiles").GetProperty("Safeguarding.Web")
            .GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
    }

    [Theory]
    [InlineData(null, "AllowedHosts must list the host names")]
    [InlineData("*", "AllowedHosts must list the host names")]
    [InlineData("hub.example.org;*", "AllowedHosts must list the host names")]
    public void Production_refuses_to_start_without_allowed_hosts(string? allowedHosts, string message)
    {
        var folder = NewFolder();
        using var factory = Host("Production", folder, new Dictionary<string, string?>
        {
            ["AllowedHosts"] = allowedHosts,
            [KeyProtection.CertificatePathSetting] = CertificateFile(folder, "pw"),
            [KeyProtection.CertificatePasswordSetting] = "pw",
        });

        var refused = Assert.IsType<StartRefusedException>(Record.Exception(() => factory.Server));

        Assert.Contains(message, refused.Message);
        Assert.DoesNotContain("Smtp", refused.Message);
    }

    [Theory]
    [InlineData("None")]
    [InlineData("StartTlsWhenAvailable")]
    public void Production_refuses_an_smtp_relay_without_tls(string security)
    {
        var folder = NewFolder();
        using var factory = Host("Production", folder, new Dictionary<string, string?>
        {
            ["AllowedHosts"] = "hub.example.org",
            ["Safeguarding:Smtp:Security"] = security,
            [KeyProtection.CertificatePathSetting] = CertificateFile(folder, "pw"),
            [KeyProtection.CertificatePasswordSetting] = "pw",
        });

        var refused = Assert.IsType<StartRefusedException>(Record.Exception(() => factory.Server));

        Assert.Contains("Safeguarding:Smtp:Security must be StartTls or SslOnConnect", refused.Message);
    }

    [Fact]
    public void Production_refuses_data_protection_keys_with_nothing_to_encrypt_them()
    {
        using var factory = Host("Production", NewFolder(), new Dictionary<string, string?> { ["AllowedHosts"] = "hub.example.org" });

        var refused = Assert.IsType<StartRefusedException>(Record.Exception(() => factory.Server));

        Assert.Contains(KeyProtection.CertificatePathSetting, refused.Message);
    }

    [Fact]
    public async Task Production_starts_with_its_settings_and_answers_only_its_allowed_hosts()
    {
        var folder = NewFolder();
        await using var factory = Host("Production", folder, new Dictionary<string, string?>
        {
            ["AllowedHosts"] = "hub.example.org",
            [KeyProtection.CertificatePathSetting] = CertificateFile(folder, "pw"),
            [KeyProtection.CertificatePasswordSetting] = "pw",
        });

        using var allowed = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://hub.example.org"), AllowAutoRedirect = false });
        using var other = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://attacker.example"), AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.OK, (await allowed.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await other.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Demo_mode_refuses_to_start_on_a_database_that_holds_a_real_partnership(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await new TestData(() => database.NewContext()).CreatePartnershipAsync();
        var folder = NewFolder();
        await using var factory = Host("Test", folder, new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Safeguarding"] = database.Settings.ConnectionString,
            ["Safeguarding:DemoMode"] = "true",
            ["Safeguarding:SeedDemoOnStart"] = "true",
            ["Safeguarding:MigrateOnStart"] = "true",
        });

        var refused = Assert.IsType<DemoRefusedException>(Record.Exception(() => factory.Server));

        Assert.Contains("not the demonstration partnership", refused.Message);
        Assert.False(File.Exists(Path.Combine(folder, DemoSeeding.CredentialsFileName)));
    }

    [Fact]
    public async Task The_openapi_document_and_api_reference_can_be_closed_to_anonymous_callers()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Safeguarding"] = database.Settings.ConnectionString };
        await using var open = Host("Test", NewFolder(), settings);
        await using var closed = Host("Test", NewFolder(), new Dictionary<string, string?>(settings) { ["Safeguarding:AnonymousApiReference"] = "false" });
        var options = new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false };
        using var openClient = open.CreateClient(options);
        using var closedClient = closed.CreateClient(options);

        foreach (var path in new[] { "/openapi/v1.json", "/api-reference" })
        {
            Assert.Equal(HttpStatusCode.OK, (await openClient.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await closedClient.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
        }
    }

    [Fact]
    public async Task Forwarded_headers_are_believed_only_from_a_configured_proxy()
    {
        await using var factory = Host("Test", NewFolder(), new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
            ["ForwardedHeaders:KnownNetworks:0"] = "192.168.10.0/24",
        });
        var forwarded = factory.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>();

        async Task<(string? Client, string Scheme, bool Hsts)> FromAsync(string peer)
        {
            // Through the whole pipeline: HSTS is only sent on a request the host believes came over https.
            var response = await factory.Server.SendAsync(c =>
            {
                c.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                c.Request.Method = "GET";
                c.Request.Scheme = "http";
                c.Request.Host = new HostString("localhost");
                c.Request.Path = "/health/live";
                c.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
                c.Request.Headers["X-Forwarded-Proto"] = "https";
            }, TestContext.Current.CancellationToken);
            // And the address the audit trail records (Connection.RemoteIpAddress), through the host's own options.
            var context = new DefaultHttpContext();
            context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            context.Request.Scheme = "http";
            context.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
            context.Request.Headers["X-Forwarded-Proto"] = "https";
            await new ForwardedHeadersMiddleware(_ => Task.CompletedTask, factory.Services.GetRequiredService<ILoggerFactory>(), forwarded).Invoke(context);
            return (context.Connection.RemoteIpAddress?.ToString(), context.Request.Scheme, response.Response.Headers.ContainsKey("Strict-Transport-Security"));
        }

        Assert.Equal(("203.0.113.9", "https", true), await FromAsync("10.0.0.5"));
        Assert.Equal(("203.0.113.9", "https", true), await FromAsync("192.168.10.77"));
        Assert.Equal(("198.51.100.4", "http", false), await FromAsync("198.51.100.4"));
        // Not even loopback is trusted unless configured.
        Assert.Equal(("127.0.0.1", "http", false), await FromAsync("127.0.0.1"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact")]
    public async Task A_file_sink_from_configuration_is_redacted_like_the_console(string? formatter)
    {
        var folder = NewFolder();
        var path = Path.Combine(folder, "hub.log");
        var settings = new Dictionary<string, string?> { ["Serilog:WriteTo:0:Name"] = "File", ["Serilog:WriteTo:0:Args:path"] = path };
        if (formatter is not null) settings["Serilog:WriteTo:0:Args:formatter"] = formatter;
        await using (var factory = Host("Test", folder, settings))
        {
            var log = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FailClosedTests");
            log.LogWarning("Referral sent by {Email} about NHS number {NhsNumber} at {Postcode}", "someone@school.example", "943 476 5919", "LS1 4AP");
            log.LogError(new InvalidOperationException("no pupil with UPN A123456789012"), "Import failed for 9434765919");
        }

        var text = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        Assert.Contains("Referral sent by", text);
        Assert.Contains(PersonalDataRedaction.Mask, text);
        foreach (var personal in new[] { "someone@school.example", "943 476 5919", "9434765919", "LS1 4AP", "A123456789012" })
            Assert.DoesNotContain(personal, text);
    }

    [Fact]
    public async Task Each_host_in_a_process_writes_its_own_log_lines_to_its_own_sinks()
    {
        // Serilog's static logger is process-wide: a host that used it would lose its lines to whichever host started
        // last, or to nothing once that one stopped.
        string FileIn(string folder) => Path.Combine(folder, "hub.log");
        Dictionary<string, string?> FileSink(string folder) => new() { ["Serilog:WriteTo:0:Name"] = "File", ["Serilog:WriteTo:0:Args:path"] = FileIn(folder) };
        var (first, second) = (NewFolder(), NewFolder());
        await using (var firstHost = Host("Test", first, FileSink(first)))
        {
            var logs = firstHost.Services.GetRequiredService<ILoggerFactory>();
            await using (var secondHost = Host("Test", second, FileSink(second)))
            {
                _ = secondHost.Services;
                logs.CreateLogger("FailClosedTests").LogWarning("Written while the second host runs");
                await firstHost.CreateClient().GetAsync("/health/live", TestContext.Current.CancellationToken);
            }
            logs.CreateLogger("FailClosedTests.After").LogWarning("Written after the second host stopped");
        }

        var firstText = await File.ReadAllTextAsync(FileIn(first), TestContext.Current.CancellationToken);
        Assert.Contains("Written while the second host runs", firstText);
        Assert.Contains("Written after the second host stopped", firstText);
        Assert.Contains("HTTP GET /health/live responded 200", firstText);
        var secondText = await File.ReadAllTextAsync(FileIn(second), TestContext.Current.CancellationToken);
        Assert.DoesNotContain("Written", secondText);
        Assert.DoesNotContain("/health/live", secondText);
    }

    [Fact]
    public async Task Data_protection_keys_are_encrypted_at_rest_with_the_configured_certificate()
    {
        var folder = NewFolder();
        var settings = new Dictionary<string, string?>
        {
            [KeyProtection.CertificatePathSetting] = CertificateFile(folder, "pw"),
            [KeyProtection.CertificatePasswordSetting] = "pw",
        };
        string protectedText;
        await using (var first = Host("Test", folder, settings))
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("a secret");

        var keyFile = Assert.Single(Directory.GetFiles(Path.Combine(folder, "keys"), "key-*.xml"));
        var xml = await File.ReadAllTextAsync(keyFile, TestContext.Current.CancellationToken);
        Assert.Contains("encryptedSecret", xml);
        Assert.DoesNotContain("<masterKey", xml);
        // Another instance with the same folder and certificate reads it back.
        await using var second = Host("Test", folder, settings);
        Assert.Equal("a secret", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
    }
}
