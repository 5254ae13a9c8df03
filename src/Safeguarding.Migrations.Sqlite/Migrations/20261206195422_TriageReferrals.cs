using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TriageReferrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "domestic_abuse_triage_referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Service = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TriageDecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RiskAssessmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    VictimPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReferredByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferredByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReferredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    WorkerUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_domestic_abuse_triage_referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_triage_referrals_domestic_abuse_triage_decisions_TriageDecisionId",
                        column: x => x.TriageDecisionId,
                        principalTable: "domestic_abuse_triage_decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_triage_referrals_people_persons_VictimPersonId",
                        column: x => x.VictimPersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_domestic_abuse_triage_referrals_platform_organisations_ToOrganisationId",
                        column: x => x.ToOrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_triage_referrals_PartnershipId_Service_Status_ReferredAt",
                table: "domestic_abuse_triage_referrals",
                columns: new[] { "PartnershipId", "Service", "Status", "ReferredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_triage_referrals_ToOrganisationId",
                table: "domestic_abuse_triage_referrals",
                column: "ToOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_triage_referrals_TriageDecisionId",
                table: "domestic_abuse_triage_referrals",
                column: "TriageDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_triage_referrals_VictimPersonId",
                table: "domestic_abuse_triage_referrals",
                column: "VictimPersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "domestic_abuse_triage_referrals");
        }
    }
}
