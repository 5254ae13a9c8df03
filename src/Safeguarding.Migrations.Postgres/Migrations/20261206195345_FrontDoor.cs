using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FrontDoor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "domestic_abuse_dramm_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    ForceOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    PoliceReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RiskAssessmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedToUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_domestic_abuse_dramm_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_dramm_assignments_platform_partnerships_Part~",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_dramm_assignments_PartnershipId_AssignedToUs~",
                table: "domestic_abuse_dramm_assignments",
                columns: new[] { "PartnershipId", "AssignedToUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_dramm_assignments_PartnershipId_ForceOrganis~",
                table: "domestic_abuse_dramm_assignments",
                columns: new[] { "PartnershipId", "ForceOrganisationId", "PoliceReference" });

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_dramm_assignments_RiskAssessmentId",
                table: "domestic_abuse_dramm_assignments",
                column: "RiskAssessmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "domestic_abuse_dramm_assignments");
        }
    }
}
