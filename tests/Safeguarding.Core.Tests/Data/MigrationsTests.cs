using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Safeguarding.Core.Data;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Data;

public sealed class MigrationsTests
{
    [Theory, BothDatabases]
    public async Task The_model_has_no_change_without_a_migration(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes with no migration: run dotnet ef migrations add for both providers.");
    }

    [Theory, BothDatabases]
    public async Task The_migrated_database_has_every_table_and_column_the_model_maps(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();

        var expected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null) continue;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
                if (property.GetColumnName(store) is { } column) expected.Add($"{table}.{column}");
        }
        var actual = await ColumnsAsync(db, provider);

        Assert.NotEmpty(expected);
        Assert.Empty(expected.Except(actual));
    }

    [Theory, BothDatabases]
    public async Task A_database_that_records_migrations_this_build_lacks_is_refused_unless_it_is_the_demo_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            // As a database migrated before the squash: its history names a migration that no longer exists.
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('20261128155244_Initial', '10.0.0')");

            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseMigrations.MigrateAsync(db, recreateUnknown: false));
            Assert.Contains("20261128155244_Initial", refused.Message);
            Assert.Contains("ADR-002", refused.Message);
        }
        await using (var db = database.NewContext())
        {
            var applied = await DatabaseMigrations.MigrateAsync(db, recreateUnknown: true);

            Assert.Equal(db.Database.GetMigrations(), applied);
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }
    }

    private static async Task<HashSet<string>> ColumnsAsync(SafeguardingDbContext db, DatabaseProvider provider)
    {
        var sql = provider == DatabaseProvider.Sqlite
            ? "SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'"
            : "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public'";
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        var columns = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        return columns;
    }
}
