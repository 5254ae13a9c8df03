using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Safeguarding.Core.Data;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <summary>
    /// The audit table takes INSERTs only: a trigger refuses UPDATE, DELETE and TRUNCATE for every role, and no role is
    /// granted them. Only the owner (who runs `db migrate`) could disable the trigger; the application's own role cannot
    /// (docs/operations.md). The model is unchanged, so there is no snapshot change.
    /// </summary>
    [DbContext(typeof(SafeguardingDbContext))]
    [Migration("20261206140000_AuditTrailAppendOnly")]
    public sealed class AuditTrailAppendOnly : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION platform_audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'the audit trail is append-only: % on platform_audit_entries is refused', TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END
                $$;
                CREATE TRIGGER platform_audit_entries_append_only BEFORE UPDATE OR DELETE ON platform_audit_entries
                    FOR EACH ROW EXECUTE FUNCTION platform_audit_entries_append_only();
                CREATE TRIGGER platform_audit_entries_no_truncate BEFORE TRUNCATE ON platform_audit_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION platform_audit_entries_append_only();
                REVOKE UPDATE, DELETE, TRUNCATE ON platform_audit_entries FROM PUBLIC;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER platform_audit_entries_no_truncate ON platform_audit_entries;
                DROP TRIGGER platform_audit_entries_append_only ON platform_audit_entries;
                DROP FUNCTION platform_audit_entries_append_only();
                """);
        }
    }
}
