using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Safeguarding.Core.Data;

/// <summary>
/// PostgreSQL with two roles: the owner runs `db migrate` (ConnectionStrings:Owner) and the web host connects as the
/// application's role (ConnectionStrings:Safeguarding), which may read and write every table but only INSERT into the
/// audit table, so that the application's credentials cannot rewrite the trail. See docs/operations.md.
/// </summary>
public static class ApplicationRole
{
    /// <summary>The role a connection string signs in as.</summary>
    public static string? RoleOf(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Username;

    /// <summary>Grants the application role what it needs, run by the owner after every migration (new tables included).</summary>
    public static async Task GrantAsync(SafeguardingDbContext ownerDb, string role, CancellationToken ct = default)
    {
        var schema = await ownerDb.Database.SqlQueryRaw<string>("SELECT current_schema() AS \"Value\"").SingleAsync(ct);
        var (s, r) = (Quote(schema), Quote(role));
        // Identifiers cannot be parameters: both are quoted above, and come from the operator's own configuration.
        var grants = $"""
            GRANT USAGE ON SCHEMA {s} TO {r};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {r};
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {s} TO {r};
            REVOKE UPDATE, DELETE, TRUNCATE ON {s}.platform_audit_entries FROM {r};
            REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {s}."__EFMigrationsHistory" FROM {r};
            """;
        await ownerDb.Database.ExecuteSqlRawAsync(grants, ct);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
