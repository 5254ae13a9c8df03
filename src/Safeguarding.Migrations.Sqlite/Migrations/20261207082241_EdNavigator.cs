using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EdNavigator : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exploitation_navigator_settings",
                columns: table => new
                {
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactWorkingDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_navigator_settings", x => x.PartnershipId);
                    table.ForeignKey(
                        name: "FK_exploitation_navigator_settings_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "health_self_assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttendanceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgeAtStart = table.Column<int>(type: "INTEGER", nullable: false),
                    ChecklistCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChecklistVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Answers = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AttentionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Response = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    ResponseNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RespondedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RespondedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_health_self_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_health_self_assessments_health_ed_attendances_AttendanceId",
                        column: x => x.AttendanceId,
                        principalTable: "health_ed_attendances",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_health_self_assessments_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exploitation_navigator_referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgeAtReferral = table.Column<int>(type: "INTEGER", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SelfAssessmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReferredByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferredByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReferredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NavigatorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContactDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ContactedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ContactNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Support = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_navigator_referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exploitation_navigator_referrals_health_self_assessments_SelfAssessmentId",
                        column: x => x.SelfAssessmentId,
                        principalTable: "health_self_assessments",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_exploitation_navigator_referrals_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_exploitation_navigator_referrals_platform_organisations_ReferredByOrganisationId",
                        column: x => x.ReferredByOrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_exploitation_navigator_referrals_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_navigator_referrals_PartnershipId_PersonId",
                table: "exploitation_navigator_referrals",
                columns: new[] { "PartnershipId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_navigator_referrals_PartnershipId_Status_ReferredAt",
                table: "exploitation_navigator_referrals",
                columns: new[] { "PartnershipId", "Status", "ReferredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_navigator_referrals_PersonId",
                table: "exploitation_navigator_referrals",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_navigator_referrals_ReferredByOrganisationId",
                table: "exploitation_navigator_referrals",
                column: "ReferredByOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_navigator_referrals_SelfAssessmentId",
                table: "exploitation_navigator_referrals",
                column: "SelfAssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_health_self_assessments_AttendanceId",
                table: "health_self_assessments",
                column: "AttendanceId");

            migrationBuilder.CreateIndex(
                name: "IX_health_self_assessments_PartnershipId_OrganisationId_SubmittedAt",
                table: "health_self_assessments",
                columns: new[] { "PartnershipId", "OrganisationId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_health_self_assessments_PartnershipId_PersonId",
                table: "health_self_assessments",
                columns: new[] { "PartnershipId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_health_self_assessments_PersonId",
                table: "health_self_assessments",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exploitation_navigator_referrals");

            migrationBuilder.DropTable(
                name: "exploitation_navigator_settings");

            migrationBuilder.DropTable(
                name: "health_self_assessments");
        }
    }
}
