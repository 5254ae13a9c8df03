using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Data;
using Safeguarding.Testing;

namespace Safeguarding.Web.Tests;

/// <summary>
/// The real web host on a real database, one per provider for the whole run. Tests keep out of each
/// other's way by creating their own partnership, organisations and users.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static readonly Dictionary<DatabaseProvider, TestHost> Hosts = [];

    private TestHost(TestDatabase database, WebApplicationFactory<Program> factory)
    {
        Database = database;
        Factory = factory;
        Data = new TestData(() => database.NewContext());
    }

    public TestDatabase Database { get; }
    public WebApplicationFactory<Program> Factory { get; }
    public TestData Data { get; }

    public static async Task<TestHost> GetAsync(DatabaseProvider provider)
    {
        await Lock.WaitAsync();
        try
        {
            if (Hosts.TryGetValue(provider, out var host)) return host;
            host = await CreateAsync(provider);
            Hosts[provider] = host;
            return host;
        }
        finally
        {
            Lock.Release();
        }
    }

    /// <summary>A host of the test's own, for tests that change a service (the clock); dispose it after.</summary>
    public static async Task<TestHost> CreateAsync(DatabaseProvider provider, Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string>? settings = null) =>
        Over(await TestDatabase.CreateAsync(provider), services, settings);

    /// <summary>A host of the test's own on a database prepared for it (a copy of the small demo); disposing the host drops it.</summary>
    public static TestHost Over(TestDatabase database, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var provider = database.Provider;
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                // Verify the tests' password hash at its own strength (TestData.PasswordIterations), as a host would one it made.
                b.ConfigureServices(s => s.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = TestData.PasswordIterations));
                if (services is not null) b.ConfigureServices(services);
                b.UseEnvironment("Test");
                b.UseSetting("Database:Provider", provider.ToString());
                b.UseSetting("ConnectionStrings:Safeguarding", database.Settings.ConnectionString);
                b.UseSetting("Safeguarding:DataDirectory", database.Settings.DataDirectory);
                b.UseSetting("Safeguarding:KeysDirectory", Path.Combine(Path.GetTempPath(), "safeguarding-tests-keys"));
                b.UseSetting("Safeguarding:DemoMode", "false");
                b.UseSetting("Safeguarding:MigrateOnStart", "false");
                b.UseSetting("Safeguarding:SeedDemoOnStart", "false");
                // Each test drives delivery, deadlines and the outbox itself, on its own data.
                b.UseSetting("Safeguarding:BackgroundWork:Enabled", "false");
                // Every test signs in from the one test-server address; RateLimitTests sets its own low limits.
                b.UseSetting("Safeguarding:RateLimits:SignInPerWindow", "1000000");
                b.UseSetting("Safeguarding:RateLimits:ApiPerWindow", "1000000");
                foreach (var (key, value) in settings ?? new Dictionary<string, string>()) b.UseSetting(key, value);
            });
        // The host starts (and seeds, when asked) on first use; make that happen now.
        _ = factory.Server;
        return new TestHost(database, factory);
    }

    public SafeguardingDbContext NewContext() => Database.NewContext();

    public HttpClient AnonymousClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
    });

    /// <summary>A client that calls the API as an organisation's system (HTTP Basic with its id and secret).</summary>
    public HttpClient ApiClient(string clientId, string secret)
    {
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        return client;
    }

    /// <summary>Signs in through the real pages: password, then the authenticator code.</summary>
    public Task<HttpClient> SignInAsync(TestUser user) => SignInAsync(user.Email, TestData.Password, user.TotpSecret);

    /// <summary>
    /// A client signed in as the user. The first time, through the real pages: password, then the authenticator code.
    /// After that, a new client carrying the session cookie the first sign-in earned, as a second tab would, for as long
    /// as the user's security stamp is unchanged (a change of roles, password or authenticator signs in afresh) and the
    /// service still honours it. A user's sign-ins are otherwise 30 seconds apart: codes work once per step.
    /// </summary>
    public async Task<HttpClient> SignInAsync(string email, string password, string totpSecret)
    {
        var key = $"{email}|{password}|{await SecurityStampAsync(email)}";
        if (_sessions.TryGetValue(key, out var cookies))
        {
            var again = ClientWith(cookies);
            var probe = await again.GetAsync("/account/mfa-setup");
            if (probe.StatusCode != HttpStatusCode.Redirect || probe.Headers.Location?.OriginalString.StartsWith("/account/sign-in", StringComparison.Ordinal) != true)
                return again;
            _sessions.TryRemove(key, out _);
        }
        var container = new CookieContainer();
        var client = ClientWith(container);
        var signIn = await client.PostFormAsync("/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/account/sign-in/code", signIn.Headers.Location!.OriginalString);
        var code = await OneTimeCodes.SubmitAsync(totpSecret, next => client.PostFormAsync("/account/sign-in/code", new() { ["Code"] = next }));
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        _sessions[key] = container;
        return client;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CookieContainer> _sessions = new(StringComparer.OrdinalIgnoreCase);

    private static readonly Uri Address = new("https://localhost");

    /// <summary>A client with its own cookie jar, holding a copy of the given one's cookies.</summary>
    private HttpClient ClientWith(CookieContainer cookies)
    {
        var own = new CookieContainer();
        own.Add(cookies.GetAllCookies());
        var client = Factory.CreateDefaultClient(Address, new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(own));
        return client;
    }

    private async Task<string> SecurityStampAsync(string email)
    {
        await using var db = NewContext();
        var normalized = email.ToUpperInvariant();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.SecurityStamp)) ?? "";
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public static class HttpClientExtensions
{
    private static readonly HtmlParser Parser = new();

    /// <summary>GETs the form's page for its antiforgery token, then posts the fields with it.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? pageUrl = null) =>
        client.PostFormAsync(url, fields.AsEnumerable(), pageUrl ?? url);

    /// <summary>The same, for forms that repeat a field (checkboxes) or post to another address than their page.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string pageUrl)
    {
        var page = await client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        var token = Parser.ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {pageUrl} (status {(int)page.StatusCode})");
        return await client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    public static async Task<IHtmlDocument> HtmlAsync(this HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());
}
