using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Service = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TriageDecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: true),
                    RiskAssessmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    VictimPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    ToOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReferredByOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferredByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReferredAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DecidedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    WorkerUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_domestic_abuse_triage_referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_triage_referrals_domestic_abuse_triage_decis~",
                        column: x => x.TriageDecisionId,
                        principalTable: "domestic_abuse_triage_decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_triage_referrals_people_persons_VictimPerson~",
                        column: x => x.VictimPersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_domestic_abuse_triage_referrals_platform_organisations_ToOr~",
                        column: x => x.ToOrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_triage_referrals_PartnershipId_Service_Statu~",
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
