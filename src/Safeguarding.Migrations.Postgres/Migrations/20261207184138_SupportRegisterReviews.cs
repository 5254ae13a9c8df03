using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SupportRegisterReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int[]>(
                name: "KeyworkerRatings",
                table: "support_register_settings",
                type: "integer[]",
                nullable: false,
                defaultValue: new[] { 1, 2 });

            migrationBuilder.AddColumn<string>(
                name: "ReviewCadence",
                table: "support_register_settings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "Monthly");

            migrationBuilder.CreateTable(
                name: "support_register_keyworker_referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Service = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReferredOn = table.Column<LocalDate>(type: "date", nullable: false),
                    RecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    ReferredByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReferredByOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AllocatedKeyworker = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    AllocatedOn = table.Column<LocalDate>(type: "date", nullable: true),
                    AllocationRecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    AllocationRecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_register_keyworker_referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_register_keyworker_referrals_support_register_entri~",
                        column: x => x.EntryId,
                        principalTable: "support_register_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_register_lead_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ChangedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    ChangedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_register_lead_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_register_lead_changes_support_register_entries_Entr~",
                        column: x => x.EntryId,
                        principalTable: "support_register_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_register_setting_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Setting = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OldValue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NewValue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ChangedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ChangedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ChangedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_register_setting_changes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_support_register_keyworker_referrals_EntryId",
                table: "support_register_keyworker_referrals",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_support_register_lead_changes_EntryId_ChangedAt",
                table: "support_register_lead_changes",
                columns: new[] { "EntryId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_support_register_setting_changes_PartnershipId_ChangedAt",
                table: "support_register_setting_changes",
                columns: new[] { "PartnershipId", "ChangedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "support_register_keyworker_referrals");

            migrationBuilder.DropTable(
                name: "support_register_lead_changes");

            migrationBuilder.DropTable(
                name: "support_register_setting_changes");

            migrationBuilder.DropColumn(
                name: "KeyworkerRatings",
                table: "support_register_settings");

            migrationBuilder.DropColumn(
                name: "ReviewCadence",
                table: "support_register_settings");
        }
    }
}
