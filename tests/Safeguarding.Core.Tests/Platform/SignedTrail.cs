using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform;
using Safeguarding.Core.Platform.Audit;
using Safeguarding.Testing;

namespace Safeguarding.Core.Tests.Platform;

/// <summary>
/// A database whose audit chain has signed checkpoints every few entries (and at its last), with the key and the
/// checkpoint file in a folder of its own: what an insider with the database, but not the key, attacks.
/// </summary>
internal sealed class SignedTrail : IAsyncDisposable
{
    private SignedTrail(TestDatabase database, string folder, AuditCheckpointOptions options, IReadOnlyList<long> checkpointed)
    {
        Database = database;
        Folder = folder;
        Options = options;
        Checkpointed = checkpointed;
    }

    public TestDatabase Database { get; }

    public string Folder { get; }

    public AuditCheckpointOptions Options { get; }

    /// <summary>The entries a checkpoint names, in order.</summary>
    public IReadOnlyList<long> Checkpointed { get; }

    public long Entries => Checkpointed[^1];

    public static async Task<SignedTrail> CreateAsync(DatabaseProvider provider, int reads, int checkpointEvery)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var folder = Path.Combine(Path.GetTempPath(), "safeguarding-audit-tests", Guid.NewGuid().ToString("N"));
        var options = new AuditCheckpointOptions(Path.Combine(folder, "audit-checkpoints.log"), Path.Combine(folder, "keys", "audit-signing.key"), null);
        // Real records too (a partnership), as in any installation: their writes are chained like the reads.
        await new TestData(() => database.NewContext()).CreatePartnershipAsync();
        var checkpointed = new List<long>();
        await using (var db = database.NewContext())
        {
            var trail = new AuditTrail(db);
            for (var i = 1; i <= reads; i++)
            {
                await trail.RecordAsync(ProcessContext.System("test"), AuditActions.Read, "Person", $"person-{i}", AuditOutcome.Allowed);
                if (i % checkpointEvery == 0 || i == reads)
                    checkpointed.Add((await AuditCheckpoints.WriteAsync(db, options))!.Sequence);
            }
        }
        return new SignedTrail(database, folder, options, checkpointed);
    }

    public async Task<AuditVerification> VerifyAsync(SafeguardingDbContext db) =>
        await new AuditTrail(db).VerifyAsync(AuditCheckpoints.Read(Options));

    /// <summary>The first entry no checkpoint vouches for once entry <paramref name="rewritten"/> onwards are rewritten.</summary>
    public long FirstUnvouchedBefore(long rewritten) => Checkpointed.Where(c => c < rewritten).DefaultIfEmpty(0).Max() + 1;

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The attacks of the tampering drill, each as raw SQL by someone who can write to the database.</summary>
internal static class Attacks
{
    public static Task EditAsync(SafeguardingDbContext db, long sequence) =>
        db.Database.ExecuteSqlRawAsync("UPDATE platform_audit_entries SET \"ActorName\" = 'someone else' WHERE \"Sequence\" = {0}", sequence);

    public static Task DeleteAsync(SafeguardingDbContext db, long sequence) =>
        db.Database.ExecuteSqlRawAsync("DELETE FROM platform_audit_entries WHERE \"Sequence\" = {0}", sequence);

    /// <summary>Swaps two entries' places, keeping every other column as written.</summary>
    public static async Task SwapAsync(SafeguardingDbContext db, long first, long second)
    {
        await db.Database.ExecuteSqlRawAsync("UPDATE platform_audit_entries SET \"Sequence\" = -1 WHERE \"Sequence\" = {0}", first);
        await db.Database.ExecuteSqlRawAsync("UPDATE platform_audit_entries SET \"Sequence\" = {0} WHERE \"Sequence\" = {1}", first, second);
        await db.Database.ExecuteSqlRawAsync("UPDATE platform_audit_entries SET \"Sequence\" = {0} WHERE \"Sequence\" = -1", second);
    }

    /// <summary>Deletes entries from <paramref name="from"/> to the end, and makes the head agree.</summary>
    public static async Task TruncateTailAsync(SafeguardingDbContext db, long from)
    {
        await db.Database.ExecuteSqlRawAsync("DELETE FROM platform_audit_entries WHERE \"Sequence\" >= {0}", from);
        var last = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence == from - 1).Select(e => e.Hash).SingleAsync();
        await db.Database.ExecuteSqlRawAsync("UPDATE platform_audit_head SET \"LastSequence\" = {0}, \"LastHash\" = {1}", from - 1, last);
    }

    public static async Task DeleteAllAsync(SafeguardingDbContext db)
    {
        await db.Database.ExecuteSqlRawAsync("DELETE FROM platform_audit_entries");
        await db.Database.ExecuteSqlRawAsync("DELETE FROM platform_audit_head");
    }

    /// <summary>
    /// Changes entry <paramref name="from"/> and recomputes every hash after it with the published algorithm, head
    /// included: the chain is consistent again, and only a signature it cannot make gives it away.
    /// </summary>
    public static async Task RewriteAndRecomputeAsync(SafeguardingDbContext db, long from)
    {
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= from).OrderBy(e => e.Sequence).ToListAsync();
        var previous = from == 1 ? AuditChain.GenesisHash : entries[0].PreviousHash;
        entries[0].ActorName = "someone else";
        foreach (var e in entries)
        {
            e.PreviousHash = previous;
            e.Hash = AuditChain.ComputeHash(e);
            previous = e.Hash;
            await db.Database.ExecuteSqlRawAsync("UPDATE platform_audit_entries SET \"ActorName\" = {0}, \"PreviousHash\" = {1}, \"Hash\" = {2} WHERE \"Sequence\" = {3}",
                e.ActorName, e.PreviousHash, e.Hash, e.Sequence);
        }
        await db.Database.ExecuteSqlRawAsync("UPDATE platform_audit_head SET \"LastHash\" = {0}", previous);
    }
}
