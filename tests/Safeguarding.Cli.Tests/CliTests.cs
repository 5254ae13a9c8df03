using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Access;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Core.Platform.Organisations;
using Safeguarding.Testing;

namespace Safeguarding.Cli.Tests;

public sealed class CliTests
{
    /// <summary>Runs the command line in-process against a test database, as if appsettings.json pointed at it.</summary>
    private static Task<CliRun> RunAsync(TestDatabase database, params string[] args) => CliRunner.Against(Cli.RunAsync, database).RunAsync(args);

    private static string NewFolder() => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "safeguard-cli-tests", Guid.NewGuid().ToString("N"))).FullName;

    [Theory, BothDatabases]
    public async Task Audit_verify_exits_0_on_an_intact_trail(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        await data.CreatePartnershipAsync();
        await data.CreatePartnershipAsync();

        var run = await RunAsync(database, "audit", "verify");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("The audit trail is intact: 2 entries checked.", run.Output);
        Assert.Equal("", run.Error);
    }

    [Theory, BothDatabases]
    public async Task Audit_verify_exits_2_naming_the_entry_edited_behind_its_back(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            var trail = new AuditTrail(db);
            for (var i = 0; i < 4; i++)
                await trail.RecordAsync(ProcessContext.System("test"), AuditActions.Read, "Person", $"person-{i}", AuditOutcome.Allowed, ct: TestContext.Current.CancellationToken);
            await AuditTampering.LiftGuardAsync(db, TestContext.Current.CancellationToken);
            await db.Database.ExecuteSqlRawAsync("UPDATE platform_audit_entries SET \"ActorName\" = 'nobody' WHERE \"Sequence\" = 3", TestContext.Current.CancellationToken);
        }

        var run = await RunAsync(database, "audit", "verify");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("broken at entry 3", run.Error);
    }

    [Theory, BothDatabases]
    public async Task Demo_seed_writes_the_credentials_file_with_a_user_for_every_role(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var folder = NewFolder();
        try
        {
            var run = await RunAsync(database, "demo", "seed", "--scale", "small", "--data-dir", folder);

            Assert.True(run.ExitCode == 0, run.Error);
            var path = Path.Combine(folder, "demo-credentials.json");
            Assert.Contains(path, run.Output);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
            var roles = json.RootElement.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("role").GetString()).ToHashSet();
            Assert.Equal(Enum.GetNames<Role>().Order(), roles.Order());
            Assert.Contains("RFC 6238", json.RootElement.GetProperty("note").GetString());
            Assert.NotEmpty(json.RootElement.GetProperty("apiClients").EnumerateArray());

            var again = await RunAsync(database, "demo", "seed", "--data-dir", folder);
            Assert.Equal(0, again.ExitCode);
            Assert.Contains("already there", again.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory, BothDatabases]
    public async Task Demo_seed_refuses_a_database_that_holds_a_real_partnership(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await new TestData(() => database.NewContext()).CreatePartnershipAsync();
        var folder = NewFolder();
        try
        {
            var run = await RunAsync(database, "demo", "seed", "--data-dir", folder);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("Demo mode refused", run.Error);
            Assert.False(File.Exists(Path.Combine(folder, "demo-credentials.json")));
            await using var db = database.NewContext();
            Assert.Equal(1, await db.Partnerships.CountAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("Safeguarding:DemoMode", "false")]
    [InlineData("ASPNETCORE_ENVIRONMENT", "Production")]
    [InlineData("DOTNET_ENVIRONMENT", "Production")]
    public async Task Demo_seed_refuses_production_settings(string key, string value)
    {
        var folder = NewFolder();
        try
        {
            var data = Path.Combine(folder, "data");
            var settings = new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Safeguarding:DataDirectory"] = data, [key] = value };

            var run = await new CliRunner(Cli.RunAsync, settings).RunAsync("demo", "seed");

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("Demo seeding refused", run.Error);
            Assert.False(Directory.Exists(data));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory, BothDatabases]
    public async Task Create_admin_makes_a_system_administrator_and_refuses_the_same_email_twice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var partnership = await new TestData(() => database.NewContext()).CreatePartnershipAsync();

        var run = await RunAsync(database, "users", "create-admin", "--email", "ada@council.example", "--name", "Ada Admin");
        var duplicate = await RunAsync(database, "users", "create-admin", "--email", "ADA@council.example", "--name", "Someone Else");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("shown only this once", run.Output);
        await using var db = database.NewContext();
        var user = await db.Users.Include(u => u.Roles).SingleAsync(u => u.Email == "ada@council.example", TestContext.Current.CancellationToken);
        Assert.Equal([Role.SystemAdministrator], user.Roles.Select(r => r.Role));
        Assert.True(user.TwoFactorEnabled);
        Assert.Equal(partnership.Id, user.PartnershipId);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == user.OrganisationId, TestContext.Current.CancellationToken);
        Assert.Equal((OrganisationType.CouncilService, "Service administration"), (organisation.Type, organisation.Name));
        Assert.True(await db.Set<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>()
            .AnyAsync(t => t.UserId == user.Id && t.Name == "AuthenticatorKey", TestContext.Current.CancellationToken));

        Assert.Equal(1, duplicate.ExitCode);
        Assert.Contains("already exists", duplicate.Error);
        Assert.Equal(1, await db.Users.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory, BothDatabases]
    public async Task Create_admin_needs_a_partnership_code_when_there_are_several(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        await data.CreatePartnershipAsync();
        var second = await data.CreatePartnershipAsync();

        var ambiguous = await RunAsync(database, "users", "create-admin", "--email", "x@example.org", "--name", "X");
        var chosen = await RunAsync(database, "users", "create-admin", "--email", "x@example.org", "--name", "X", "--partnership", second.Code);

        Assert.Equal(1, ambiguous.ExitCode);
        Assert.Contains("several partnerships", ambiguous.Error);
        Assert.True(chosen.ExitCode == 0, chosen.Error);
    }

    [Theory, BothDatabases]
    public async Task On_a_new_installation_create_admin_creates_the_partnership_too(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var none = await RunAsync(database, "users", "create-admin", "--email", "root@council.example", "--name", "Root");
        var created = await RunAsync(database, "users", "create-admin", "--email", "root@council.example", "--name", "Root",
            "--partnership", "riverside", "--new-partnership-name", "Riverside Safeguarding Children Partnership");

        Assert.Equal(1, none.ExitCode);
        Assert.Contains("--new-partnership-name", none.Error);
        Assert.True(created.ExitCode == 0, created.Error);
        await using var db = database.NewContext();
        var partnership = await db.Partnerships.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("riverside", "Riverside Safeguarding Children Partnership"), (partnership.Code, partnership.Name));
        Assert.Equal(partnership.Id, (await db.Users.SingleAsync(TestContext.Current.CancellationToken)).PartnershipId);
    }

    [Theory, BothDatabases]
    public async Task An_unknown_command_or_scale_is_a_clear_error(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var unknown = await RunAsync(database, "frobnicate");
        var badScale = await RunAsync(database, "demo", "seed", "--scale", "huge");

        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("Unrecognized command or argument 'frobnicate'", unknown.Error);
        Assert.NotEqual(0, badScale.ExitCode);
        Assert.Contains("Argument 'huge' not recognized", badScale.Error);
        Assert.DoesNotContain("   at ", unknown.Error + badScale.Error);
    }

    [Fact]
    public async Task A_command_on_a_missing_database_says_so_without_creating_one()
    {
        var folder = NewFolder();
        try
        {
            var run = await CliRunner.Unconfigured(Cli.RunAsync).RunAsync("audit", "verify", "--data-dir", folder);

            Assert.Equal(1, run.ExitCode);
            Assert.StartsWith("Error: There is no database at", run.Error);
            Assert.False(File.Exists(Path.Combine(folder, "safeguarding.db")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
