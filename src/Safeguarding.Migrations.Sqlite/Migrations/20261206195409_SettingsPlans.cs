using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SettingsPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PhoneTheSchoolDelayMinutes",
                table: "encompass_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "EndReason",
                table: "domestic_abuse_safety_plans",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EndedAt",
                table: "domestic_abuse_safety_plans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EndedByOrganisationId",
                table: "domestic_abuse_safety_plans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndedOn",
                table: "domestic_abuse_safety_plans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastReviewedOn",
                table: "domestic_abuse_safety_plans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "domestic_abuse_setting_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Setting = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ChangedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChangedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_domestic_abuse_setting_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_setting_changes_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_safety_plans_PartnershipId_EndedOn_ReviewDate",
                table: "domestic_abuse_safety_plans",
                columns: new[] { "PartnershipId", "EndedOn", "ReviewDate" });

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_setting_changes_PartnershipId_ChangedAt",
                table: "domestic_abuse_setting_changes",
                columns: new[] { "PartnershipId", "ChangedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "domestic_abuse_setting_changes");

            migrationBuilder.DropIndex(
                name: "IX_domestic_abuse_safety_plans_PartnershipId_EndedOn_ReviewDate",
                table: "domestic_abuse_safety_plans");

            migrationBuilder.DropColumn(
                name: "PhoneTheSchoolDelayMinutes",
                table: "encompass_settings");

            migrationBuilder.DropColumn(
                name: "EndReason",
                table: "domestic_abuse_safety_plans");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "domestic_abuse_safety_plans");

            migrationBuilder.DropColumn(
                name: "EndedByOrganisationId",
                table: "domestic_abuse_safety_plans");

            migrationBuilder.DropColumn(
                name: "EndedOn",
                table: "domestic_abuse_safety_plans");

            migrationBuilder.DropColumn(
                name: "LastReviewedOn",
                table: "domestic_abuse_safety_plans");
        }
    }
}
