using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Platform;

public sealed class AuditTrailTests
{
    private static async Task<TestDatabase> DatabaseWithEntriesAsync(DatabaseProvider provider, int count)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var trail = new AuditTrail(db);
        for (var i = 0; i < count; i++)
            await trail.RecordAsync(ProcessContext.System("test"), AuditActions.Read, "Person", $"person-{i}", AuditOutcome.Allowed);
        return database;
    }

    private static async Task<AuditVerification> VerifyAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await new AuditTrail(db).VerifyAsync();
    }

    [Theory, BothDatabases]
    public async Task An_untouched_trail_verifies_as_intact(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithEntriesAsync(provider, 5);

        var result = await VerifyAsync(database);

        Assert.True(result.Intact, result.Message);
        Assert.Equal(5, result.EntriesChecked);
    }

    [Theory, BothDatabases]
    public async Task Editing_an_entry_is_detected_at_that_entry(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithEntriesAsync(provider, 5);
        await using (var db = database.NewContext())
        {
            await AuditTampering.LiftGuardAsync(db);
            await db.Database.ExecuteSqlRawAsync("UPDATE platform_audit_entries SET \"ResourceId\" = 'someone-else' WHERE \"Sequence\" = 3");
        }

        var result = await VerifyAsync(database);

        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBrokenSequence);
    }

    [Theory, BothDatabases]
    public async Task Editing_an_entry_and_its_hash_is_detected_at_the_next_entry(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithEntriesAsync(provider, 5);
        await using (var db = database.NewContext())
        {
            await AuditTampering.LiftGuardAsync(db);
            var entry = await db.AuditEntries.SingleAsync(e => e.Sequence == 2);
            entry.ResourceId = "someone-else";
            var forgedHash = AuditChain.ComputeHash(entry);
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE platform_audit_entries SET \"ResourceId\" = 'someone-else', \"Hash\" = {0} WHERE \"Sequence\" = 2", forgedHash);
        }

        var result = await VerifyAsync(database);

        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBrokenSequence);
    }

    [Theory, BothDatabases]
    public async Task Deleting_an_entry_in_the_middle_is_detected(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithEntriesAsync(provider, 5);
        await using (var db = database.NewContext())
        {
            await AuditTampering.LiftGuardAsync(db);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM platform_audit_entries WHERE \"Sequence\" = 2");
        }

        var result = await VerifyAsync(database);

        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBrokenSequence);
    }

    [Theory, BothDatabases]
    public async Task Deleting_the_last_entries_is_detected(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithEntriesAsync(provider, 5);
        await using (var db = database.NewContext())
        {
            await AuditTampering.LiftGuardAsync(db);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM platform_audit_entries WHERE \"Sequence\" >= 4");
        }

        var result = await VerifyAsync(database);

        Assert.False(result.Intact);
        Assert.Equal(4, result.FirstBrokenSequence);
    }

    [Theory, BothDatabases]
    public async Task Reordering_two_entries_is_detected(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithEntriesAsync(provider, 5);
        await using (var db = database.NewContext())
        {
            // Swap positions 2 and 4, keeping every other column as written.
            await AuditTampering.LiftGuardAsync(db);
            await db.Database.ExecuteSqlRawAsync("UPDATE platform_audit_entries SET \"Sequence\" = -2 WHERE \"Sequence\" = 2");
            await db.Database.ExecuteSqlRawAsync("UPDATE platform_audit_entries SET \"Sequence\" = 2 WHERE \"Sequence\" = 4");
            await db.Database.ExecuteSqlRawAsync("UPDATE platform_audit_entries SET \"Sequence\" = 4 WHERE \"Sequence\" = -2");
        }

        var result = await VerifyAsync(database);

        Assert.False(result.Intact);
        Assert.Equal(2, result.FirstBrokenSequence);
    }

    [Theory, BothDatabases]
    public async Task Every_write_is_audited_with_its_process_and_changed_fields(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new TestData(() => database.NewContext());
        var partnership = await data.CreatePartnershipAsync();

        await using (var db = database.NewContext())
        {
            db.Process = ProcessContext.System("test:rename", "correcting a typo");
            var p = await db.Partnerships.SingleAsync(x => x.Id == partnership.Id);
            p.Name = "Renamed partnership";
            await db.SaveChangesAsync();
        }

        await using var check = database.NewContext();
        var entries = await new AuditTrail(check).ForRecordAsync("Partnership", partnership.Id.ToString());
        Assert.Collection(entries,
            update =>
            {
                Assert.Equal(AuditActions.Update, update.Action);
                Assert.Equal("test:rename", update.Process);
                Assert.Equal("correcting a typo", update.Purpose);
                Assert.Equal("changed: Name", update.Details);
            },
            create => Assert.Equal(AuditActions.Create, create.Action));
        Assert.DoesNotContain("Renamed", entries[0].Details);
    }

    [Theory, BothDatabases]
    public async Task A_write_without_a_process_context_is_refused_and_saves_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Partnerships.Add(new Partnership { Name = "No context", Code = "no-context" });
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using var check = database.NewContext();
        Assert.False(await check.Partnerships.AnyAsync());
        Assert.False(await check.AuditEntries.AnyAsync());
    }

    [Theory, BothDatabases]
    public async Task Concurrent_writers_keep_one_unbroken_chain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(async w =>
        {
            for (var i = 0; i < 10; i++)
            {
                await using var db = database.NewContext();
                await RetryBusyAsync(() => new AuditTrail(db).RecordAsync(ProcessContext.System("test"), AuditActions.Read, "Person", $"w{w}-{i}", AuditOutcome.Allowed));
            }
        }));

        var result = await VerifyAsync(database);
        Assert.True(result.Intact, result.Message);
        Assert.Equal(40, result.EntriesChecked);
    }

    // SQLite answers "database is locked" to a second writer after its busy timeout; a real host retries the request.
    private static async Task RetryBusyAsync(Func<Task> action)
    {
        for (var attempt = 0; ; attempt++)
        {
            try { await action(); return; }
            catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode == 5 && attempt < 20) { await Task.Delay(20); }
        }
    }
}
