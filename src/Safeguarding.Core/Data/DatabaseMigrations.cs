using Microsoft.EntityFrameworkCore;

namespace Safeguarding.Core.Data;

/// <summary>
/// Brings a database's schema up to date, refusing one this build cannot bring forward: a database that records
/// migrations this build does not have was made before a squash (ADR-002) or by a newer build.
/// </summary>
public static class DatabaseMigrations
{
    /// <summary>Applies pending migrations and returns their names.</summary>
    /// <param name="recreateUnknown">
    /// The embedded demonstration database only (synthetic data): re-create it from nothing instead of refusing.
    /// </param>
    public static async Task<IReadOnlyList<string>> MigrateAsync(SafeguardingDbContext db, bool recreateUnknown, CancellationToken ct = default)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            if (!recreateUnknown)
                throw new InvalidOperationException(
                    $"The database records {unknown.Count} migration(s) this version does not have (the first is {unknown[0]}). " +
                    "It was made before the migrations were squashed, or by a newer version: see docs/decisions/ADR-002.");
            await db.Database.EnsureDeletedAsync(ct);
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0) await db.Database.MigrateAsync(ct);
        return pending;
    }
}
