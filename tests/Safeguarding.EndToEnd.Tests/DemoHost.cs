using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Core.Data;
using Safeguarding.Core.Demo;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Testing;
using Safeguarding.Web.Hosting;

namespace Safeguarding.EndToEnd.Tests;

/// <summary>
/// The real web host on Kestrel, on a loopback port, in demo mode: it seeds the demo partnership into a fresh
/// database at start and writes the sign-ins to demo-credentials.json, which the tests read like a person would.
/// </summary>
public sealed class DemoHost : IAsyncDisposable
{
    private readonly DemoFactory _factory;
    private readonly string _dataDirectory;

    private DemoHost(TestDatabase database, DemoFactory factory, string dataDirectory, string baseUrl, IReadOnlyList<DemoUserCredential> users)
    {
        Database = database;
        _factory = factory;
        _dataDirectory = dataDirectory;
        BaseUrl = baseUrl;
        Users = users;
    }

    public TestDatabase Database { get; }
    public string BaseUrl { get; }
    public IReadOnlyList<DemoUserCredential> Users { get; }

    public DemoUserCredential User(Role role) =>
        Users.FirstOrDefault(u => u.Role == role.ToString()) ?? throw new InvalidOperationException($"The demo credentials have no {role}.");

    public string Url(string path) => BaseUrl + path;

    public SafeguardingDbContext NewContext() => Database.NewContext();

    public static async Task<DemoHost> StartAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "safeguarding-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var factory = new DemoFactory(provider, database.Settings.ConnectionString, dataDirectory);
        factory.UseKestrel(0);
        // Starting runs Program: PrepareDatabaseAsync seeds the demo partnership before Kestrel listens.
        await Task.Run(factory.StartServer);

        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal));
        var credentialsFile = Path.Combine(dataDirectory, HostSetup.DemoCredentialsFileName);
        await using var file = File.OpenRead(credentialsFile);
        var credentials = await JsonSerializer.DeserializeAsync<CredentialsFile>(file, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"{credentialsFile} is empty");
        return new DemoHost(database, factory, dataDirectory, address.TrimEnd('/'), credentials.Users);
    }

    /// <summary>Someone of the demo partnership: not sealed, and not linked to (nor recorded by) the given organisation.</summary>
    public async Task<(Guid Id, string GivenName, string FamilyName)> PersonOutsideAsync(Guid organisationId)
    {
        await using var db = NewContext();
        var person = await db.People.AsNoTracking()
            .Where(p => !p.IsSealed && p.RecordedByOrganisationId != organisationId && !p.Links.Any(l => l.OrganisationId == organisationId))
            .OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .Select(p => new { p.Id, p.GivenName, p.FamilyName })
            .FirstAsync();
        return (person.Id, person.GivenName, person.FamilyName);
    }

    public async Task<(Guid Id, Guid OrganisationId)> UserAsync(DemoUserCredential credential)
    {
        await using var db = NewContext();
        var email = credential.Email.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == email).Select(u => new { u.Id, u.OrganisationId }).SingleAsync();
        return (user.Id, user.OrganisationId);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await Database.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

    /// <summary>Configured like the web tests' host, but in demo mode with the demo partnership seeded at start.</summary>
    private sealed class DemoFactory(DatabaseProvider provider, string connectionString, string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Test");
            builder.UseSetting("Database:Provider", provider.ToString());
            builder.UseSetting("ConnectionStrings:Safeguarding", connectionString);
            builder.UseSetting("Safeguarding:DataDirectory", dataDirectory);
            builder.UseSetting("Safeguarding:KeysDirectory", Path.Combine(dataDirectory, "keys"));
            builder.UseSetting("Safeguarding:DemoMode", "true");
            // The journeys sign in as one role after another from one address, faster than a person could.
            builder.UseSetting("Safeguarding:RateLimits:SignInPerWindow", "100000");
            builder.UseSetting("Safeguarding:MigrateOnStart", "false");
            builder.UseSetting("Safeguarding:SeedDemoOnStart", "true");
            // The recent days are enough for the browser tests; the year's history would only compete for the cores.
            builder.UseSetting("Safeguarding:DemoYearInBackground", "false");
            // A test user made with TestData signs in here too: verify its hash at its own strength, as the web tests' host does.
            builder.ConfigureServices(s => s.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = TestData.PasswordIterations));
        }
    }

    private sealed record CredentialsFile(IReadOnlyList<DemoUserCredential> Users);
}
