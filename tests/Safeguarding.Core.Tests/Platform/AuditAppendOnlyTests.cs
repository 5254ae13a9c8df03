using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NodaTime;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Platform;

public sealed class AuditAppendOnlyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<TestDatabase> WithEntriesAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        for (var i = 0; i < 3; i++)
            await new AuditTrail(db).RecordAsync(ProcessContext.System("test"), AuditActions.Read, "Person", $"p{i}", AuditOutcome.Allowed, ct: Ct);
        return database;
    }

    [Theory, BothDatabases]
    public async Task Audit_entries_cannot_be_updated_or_deleted_even_by_the_owner_without_lifting_the_trigger_first(DatabaseProvider provider)
    {
        await using var database = await WithEntriesAsync(provider);
        await using var db = database.NewContext();

        var update = await Assert.ThrowsAnyAsync<DbException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE platform_audit_entries SET \"ActorName\" = 'someone else' WHERE \"Sequence\" = 2", Ct));
        var delete = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM platform_audit_entries", Ct));

        Assert.Contains("append-only", update.Message);
        Assert.Contains("append-only", delete.Message);
        if (provider == DatabaseProvider.Postgres)
            Assert.Contains("append-only", (await Assert.ThrowsAnyAsync<DbException>(() =>
                db.Database.ExecuteSqlRawAsync("TRUNCATE platform_audit_entries", Ct))).Message);
        Assert.Equal(3, await db.AuditEntries.CountAsync(Ct));
        Assert.True((await new AuditTrail(db).VerifyAsync(ct: Ct)).Intact);
    }

    [Fact]
    public async Task On_PostgreSQL_the_application_role_writes_audit_entries_but_cannot_change_delete_or_unguard_them()
    {
        var database = await WithEntriesAsync(DatabaseProvider.Postgres);
        var role = $"sg_app_{Guid.NewGuid():N}"[..24];
        await using (var admin = new NpgsqlConnection(TestDatabase.PostgresServer))
        {
            await admin.OpenAsync(Ct);
            await using var create = new NpgsqlCommand($"CREATE ROLE {role} LOGIN", admin);
            await create.ExecuteNonQueryAsync(Ct);
        }
        try
        {
            // What `safeguard db migrate` does as the owner when ConnectionStrings:Owner is set.
            await using (var owner = database.NewContext()) await ApplicationRole.GrantAsync(owner, role, Ct);
            var app = new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString) { Username = role, Pooling = false }.ConnectionString;
            var options = new DbContextOptionsBuilder<SafeguardingDbContext>();
            (database.Settings with { ConnectionString = app }).Apply(options);
            await using var db = new SafeguardingDbContext(options.Options, SystemClock.Instance);

            // Its ordinary work: reads, writes, and the audit entries they chain.
            await new AuditTrail(db).RecordAsync(ProcessContext.System("test"), AuditActions.Read, "Person", "p3", AuditOutcome.Allowed, ct: Ct);
            db.Process = ProcessContext.System("test");
            db.Partnerships.Add(new Partnership { Name = "Written by the application role", Code = $"app-{TestData.Next()}" });
            await db.SaveChangesAsync(Ct);

            foreach (var sql in new[]
                     {
                         "UPDATE platform_audit_entries SET \"ActorName\" = 'someone else' WHERE \"Sequence\" = 2",
                         "DELETE FROM platform_audit_entries WHERE \"Sequence\" = 2",
                         "TRUNCATE platform_audit_entries",
                         "ALTER TABLE platform_audit_entries DISABLE TRIGGER USER",
                     })
            {
                var refused = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql, Ct));
                Assert.True(refused.SqlState is PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {refused.SqlState} {refused.MessageText}");
            }
            Assert.True((await new AuditTrail(db).VerifyAsync(ct: Ct)).Intact);
        }
        finally
        {
            await database.DisposeAsync();
            await using var admin = new NpgsqlConnection(TestDatabase.PostgresServer);
            await admin.OpenAsync(Ct);
            await using var drop = new NpgsqlCommand($"DROP ROLE IF EXISTS {role}", admin);
            await drop.ExecuteNonQueryAsync(Ct);
        }
    }
}
