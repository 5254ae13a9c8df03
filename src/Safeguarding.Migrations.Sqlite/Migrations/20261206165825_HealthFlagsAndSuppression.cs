using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HealthFlagsAndSuppression : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EndedFlagMonths",
                table: "domestic_abuse_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 12); // existing partnerships keep ended flags for 12 months, the setting's default

            migrationBuilder.CreateTable(
                name: "domestic_abuse_unscheduled_care_reads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApiClientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_domestic_abuse_unscheduled_care_reads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_unscheduled_care_reads_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_unscheduled_care_reads_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_unscheduled_care_reads_OrganisationId",
                table: "domestic_abuse_unscheduled_care_reads",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_unscheduled_care_reads_PartnershipId_At",
                table: "domestic_abuse_unscheduled_care_reads",
                columns: new[] { "PartnershipId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "domestic_abuse_unscheduled_care_reads");

            migrationBuilder.DropColumn(
                name: "EndedFlagMonths",
                table: "domestic_abuse_settings");
        }
    }
}
