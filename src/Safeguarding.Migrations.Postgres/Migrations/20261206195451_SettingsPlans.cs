using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "EndReason",
                table: "domestic_abuse_safety_plans",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<Instant>(
                name: "EndedAt",
                table: "domestic_abuse_safety_plans",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EndedByOrganisationId",
                table: "domestic_abuse_safety_plans",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<LocalDate>(
                name: "EndedOn",
                table: "domestic_abuse_safety_plans",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<LocalDate>(
                name: "LastReviewedOn",
                table: "domestic_abuse_safety_plans",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "domestic_abuse_setting_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Setting = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OldValue = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    NewValue = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ChangedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ChangedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ChangedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_domestic_abuse_setting_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_setting_changes_platform_partnerships_Partne~",
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
