using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.Platform.Audit;

namespace Safeguarding.Testing;

/// <summary>
/// What an insider who owns the database does first: lift the audit table's append-only triggers (PostgreSQL: disable
/// them, as the owner may; SQLite: drop them, as whoever holds the file may), so that tests can tamper with the trail.
/// </summary>
public static class AuditTampering
{
    public static async Task LiftGuardAsync(SafeguardingDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE platform_audit_entries DISABLE TRIGGER USER", ct);
        else
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS platform_audit_entries_no_update", ct);
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS platform_audit_entries_no_delete", ct);
        }
    }

    // The attacks of the tampering drill, each as raw SQL by someone who can write to the database (the guard lifted first).
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
