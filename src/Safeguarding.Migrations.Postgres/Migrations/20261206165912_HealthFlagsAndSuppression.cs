using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
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
                type: "integer",
                nullable: false,
                defaultValue: 12); // existing partnerships keep ended flags for 12 months, the setting's default

            migrationBuilder.CreateTable(
                name: "domestic_abuse_unscheduled_care_reads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApiClientId = table.Column<Guid>(type: "uuid", nullable: true),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    At = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_domestic_abuse_unscheduled_care_reads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_unscheduled_care_reads_platform_organisation~",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_unscheduled_care_reads_platform_partnerships~",
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
