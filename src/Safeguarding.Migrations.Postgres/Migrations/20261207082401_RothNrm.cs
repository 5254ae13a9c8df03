using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferredByOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferredByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReferredAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    ExploitationType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OtherType = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    MaceReferralId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReasonableGrounds = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReasonableGroundsOn = table.Column<LocalDate>(type: "date", nullable: true),
                    ConclusiveGrounds = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConclusiveGroundsOn = table.Column<LocalDate>(type: "date", nullable: true),
                    ReconsiderationOf = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReconsiderationRequestedOn = table.Column<LocalDate>(type: "date", nullable: true),
                    ReconsiderationResult = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReconsiderationResultOn = table.Column<LocalDate>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_nrm_referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exploitation_nrm_referrals_exploitation_mace_referrals_Mace~",
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    StrategyDiscussionAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    RiskOutsideHome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedByOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    SeriesId = table.Column<Guid>(type: "uuid", nullable: true),
                    EscalatedDue = table.Column<LocalDate>(type: "date", nullable: true),
                    EscalatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    RothCaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContextId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_roth_contextual_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exploitation_roth_contextual_actions_exploitation_contexts_~",
                        column: x => x.ContextId,
                        principalTable: "exploitation_contexts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_exploitation_roth_contextual_actions_exploitation_roth_case~",
                        column: x => x.RothCaseId,
                        principalTable: "exploitation_roth_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_exploitation_roth_contextual_actions_meetings_actions_Meeti~",
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
                name: "IX_exploitation_nrm_referrals_PartnershipId_ReferredByOrganisa~",
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
