using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;

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
}
