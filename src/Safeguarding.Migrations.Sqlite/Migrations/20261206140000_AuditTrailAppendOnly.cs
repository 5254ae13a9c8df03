using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Safeguarding.Core.Data;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The audit table takes INSERTs only. SQLite has no roles: whoever holds the file can drop the triggers, so here they
    /// stop mistakes, and the signed checkpoints stop an insider (docs/security.md). The model is unchanged.
    /// </summary>
    [DbContext(typeof(SafeguardingDbContext))]
    [Migration("20261206140000_AuditTrailAppendOnly")]
    public sealed class AuditTrailAppendOnly : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER platform_audit_entries_no_update BEFORE UPDATE ON platform_audit_entries
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: UPDATE on platform_audit_entries is refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER platform_audit_entries_no_delete BEFORE DELETE ON platform_audit_entries
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: DELETE on platform_audit_entries is refused'); END;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER platform_audit_entries_no_update;");
            migrationBuilder.Sql("DROP TRIGGER platform_audit_entries_no_delete;");
        }
    }
}
