using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NodaTime;
using Safeguarding.Core.Data;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace Safeguarding.Testing;

/// <summary>Runs a database test once on SQLite and once on PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothDatabasesAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new([new TheoryDataRow(DatabaseProvider.Sqlite), new TheoryDataRow(DatabaseProvider.Postgres)]);

    public override bool SupportsDiscoveryEnumeration() => true;
}

/// <summary>
/// A fresh, migrated database for one test: a copy of a template migrated once per test process
/// (a file copy on SQLite, CREATE DATABASE ... TEMPLATE on PostgreSQL).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SAFEGUARDING_TEST_POSTGRES";

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static readonly Dictionary<DatabaseProvider, string> Templates = [];
    private static readonly string RunId = $"{Environment.ProcessId}_{Guid.NewGuid():N}"[..20];

    private readonly string? _postgresName;

    private TestDatabase(DatabaseSettings settings, string? postgresName)
    {
        Settings = settings;
        _postgresName = postgresName;
    }

    public DatabaseSettings Settings { get; }

    public DatabaseProvider Provider => Settings.Provider;

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"PostgreSQL tests need {PostgresVariable} (e.g. 'Host=127.0.0.1;Port=55432;Username=postgres'). ./test.sh starts a server and sets it.");

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var template = await TemplateAsync(provider);
        if (provider == DatabaseProvider.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), "safeguarding-tests", RunId, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            File.Copy(template, Path.Combine(dir, "safeguarding.db"));
            return new TestDatabase(new DatabaseSettings(provider, $"Data Source={Path.Combine(dir, "safeguarding.db")}", dir), null);
        }

        var name = $"sg_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(PostgresServer))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template}", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
        return new TestDatabase(new DatabaseSettings(provider, cs, Path.GetTempPath()), name);
    }

    /// <summary>
    /// A fresh database holding what <paramref name="source"/> holds, for tests that share an expensive starting point
    /// (the demo): the source must be left alone while it is copied, so it is kept as a template no test uses.
    /// </summary>
    public static async Task<TestDatabase> CopyOfAsync(TestDatabase source)
    {
        if (source.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var dir = Path.Combine(Path.GetTempPath(), "safeguarding-tests", RunId, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            File.Copy(Path.Combine(source.Settings.DataDirectory, "safeguarding.db"), Path.Combine(dir, "safeguarding.db"));
            return new TestDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "safeguarding.db")}", dir), null);
        }

        var name = $"sg_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(PostgresServer))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {source._postgresName}", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
        return new TestDatabase(new DatabaseSettings(DatabaseProvider.Postgres, cs, Path.GetTempPath()), name);
    }

    /// <summary>
    /// Makes this database a template for <see cref="CopyOfAsync"/>: on PostgreSQL, CREATE DATABASE ... TEMPLATE refuses a
    /// source anyone is connected to, so connections are closed and no more allowed. Nothing may use it afterwards.
    /// </summary>
    public async Task KeepAsTemplateAsync()
    {
        if (_postgresName is null) { SqliteConnection.ClearAllPools(); return; }
        await using (var pooled = new NpgsqlConnection(Settings.ConnectionString)) NpgsqlConnection.ClearPool(pooled);
        await using var admin = new NpgsqlConnection(PostgresServer);
        await admin.OpenAsync();
        await using (var close = new NpgsqlCommand($"ALTER DATABASE {_postgresName} WITH ALLOW_CONNECTIONS false IS_TEMPLATE true", admin))
            await close.ExecuteNonQueryAsync();
        // A closed client's server process ends a moment later: wait for the last one.
        await using var gone = new NpgsqlCommand(
            $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{_postgresName}' AND pid <> pg_backend_pid()", admin);
        for (var i = 0; i < 100 && (long)(await gone.ExecuteScalarAsync())! > 0; i++) await Task.Delay(100);
    }

    public SafeguardingDbContext NewContext(IClock? clock = null)
    {
        var options = new DbContextOptionsBuilder<SafeguardingDbContext>();
        Settings.Apply(options);
        return new SafeguardingDbContext(options.Options, clock ?? SystemClock.Instance);
    }

    private static async Task<string> TemplateAsync(DatabaseProvider provider)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (Templates.TryGetValue(provider, out var existing)) return existing;
            string template;
            DatabaseSettings settings;
            if (provider == DatabaseProvider.Sqlite)
            {
                var dir = Path.Combine(Path.GetTempPath(), "safeguarding-tests", RunId);
                Directory.CreateDirectory(dir);
                template = Path.Combine(dir, "template.db");
                settings = new DatabaseSettings(provider, $"Data Source={template};Pooling=false", dir);
            }
            else
            {
                template = $"sg_template_{RunId}".ToLowerInvariant();
                await using (var admin = new NpgsqlConnection(PostgresServer))
                {
                    await admin.OpenAsync();
                    await using var cmd = new NpgsqlCommand($"CREATE DATABASE {template}", admin);
                    await cmd.ExecuteNonQueryAsync();
                }
                settings = new DatabaseSettings(provider, new NpgsqlConnectionStringBuilder(PostgresServer) { Database = template, Pooling = false }.ConnectionString, ".");
            }
            var options = new DbContextOptionsBuilder<SafeguardingDbContext>();
            settings.Apply(options);
            await using (var db = new SafeguardingDbContext(options.Options, SystemClock.Instance))
            {
                await db.Database.MigrateAsync();
            }
            if (provider == DatabaseProvider.Sqlite) SqliteConnection.ClearAllPools();
            Templates[provider] = template;
            return template;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(Settings.DataDirectory, recursive: true); } catch (IOException) { }
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgresServer);
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", admin);
        await cmd.ExecuteNonQueryAsync();
    }
}
