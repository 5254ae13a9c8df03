using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RothNrm : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exploitation_nrm_referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferredByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferredByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReferredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExploitationType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OtherType = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    MaceReferralId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReasonableGrounds = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReasonableGroundsOn = table.Column<string>(type: "TEXT", nullable: true),
                    ConclusiveGrounds = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConclusiveGroundsOn = table.Column<string>(type: "TEXT", nullable: true),
                    ReconsiderationOf = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReconsiderationRequestedOn = table.Column<string>(type: "TEXT", nullable: true),
                    ReconsiderationResult = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReconsiderationResultOn = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_nrm_referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exploitation_nrm_referrals_exploitation_mace_referrals_MaceReferralId",
                        column: x => x.MaceReferralId,
                        principalTable: "exploitation_mace_referrals",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_exploitation_nrm_referrals_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exploitation_roth_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StrategyDiscussionAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RiskOutsideHome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SeriesId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EscalatedDue = table.Column<string>(type: "TEXT", nullable: true),
                    EscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_roth_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exploitation_roth_cases_meetings_series_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "meetings_series",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_exploitation_roth_cases_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exploitation_roth_contextual_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RothCaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingActionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContextId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_roth_contextual_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exploitation_roth_contextual_actions_exploitation_contexts_ContextId",
                        column: x => x.ContextId,
                        principalTable: "exploitation_contexts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_exploitation_roth_contextual_actions_exploitation_roth_cases_RothCaseId",
                        column: x => x.RothCaseId,
                        principalTable: "exploitation_roth_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_exploitation_roth_contextual_actions_meetings_actions_MeetingActionId",
                        column: x => x.MeetingActionId,
                        principalTable: "meetings_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_nrm_referrals_MaceReferralId",
                table: "exploitation_nrm_referrals",
                column: "MaceReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_nrm_referrals_PartnershipId_PersonId",
                table: "exploitation_nrm_referrals",
                columns: new[] { "PartnershipId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_nrm_referrals_PartnershipId_ReferredByOrganisationId_ReferredAt",
                table: "exploitation_nrm_referrals",
                columns: new[] { "PartnershipId", "ReferredByOrganisationId", "ReferredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_nrm_referrals_PersonId",
                table: "exploitation_nrm_referrals",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_roth_cases_PartnershipId_PersonId",
                table: "exploitation_roth_cases",
                columns: new[] { "PartnershipId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_roth_cases_PersonId",
                table: "exploitation_roth_cases",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_roth_cases_SeriesId",
                table: "exploitation_roth_cases",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_roth_contextual_actions_ContextId",
                table: "exploitation_roth_contextual_actions",
                column: "ContextId");

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_roth_contextual_actions_MeetingActionId",
                table: "exploitation_roth_contextual_actions",
                column: "MeetingActionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_roth_contextual_actions_RothCaseId",
                table: "exploitation_roth_contextual_actions",
                column: "RothCaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exploitation_nrm_referrals");

            migrationBuilder.DropTable(
                name: "exploitation_roth_contextual_actions");

            migrationBuilder.DropTable(
                name: "exploitation_roth_cases");
        }
    }
}
