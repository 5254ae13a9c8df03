using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SupportRegisterReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "KeyworkerRatings",
                table: "support_register_settings",
                type: "TEXT",
                nullable: false,
                defaultValue: "[1,2]");

            migrationBuilder.AddColumn<string>(
                name: "ReviewCadence",
                table: "support_register_settings",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "Monthly");

            migrationBuilder.CreateTable(
                name: "support_register_keyworker_referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Service = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReferredOn = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReferredByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReferredByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AllocatedKeyworker = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    AllocatedOn = table.Column<string>(type: "TEXT", nullable: true),
                    AllocationRecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AllocationRecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_register_keyworker_referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_register_keyworker_referrals_support_register_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "support_register_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_register_lead_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_register_lead_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_register_lead_changes_support_register_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "support_register_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_register_setting_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Setting = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChangedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChangedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
