using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class YouthViolencePathways : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exploitation_maternity_bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrustOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookingReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BookingDate = table.Column<string>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExpectedDeliveryDate = table.Column<string>(type: "TEXT", nullable: false),
                    ScreeningDueDate = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Received = table.Column<string>(type: "TEXT", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ScreeningId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ScreenedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ScreenedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SocialWorkReferredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SocialWorkReferralReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SocialWorkTakenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SocialWorkTakenByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_maternity_bookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exploitation_maternity_bookings_exploitation_screenings_ScreeningId",
                        column: x => x.ScreeningId,
                        principalTable: "exploitation_screenings",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_exploitation_maternity_bookings_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_exploitation_maternity_bookings_platform_organisations_TrustOrganisationId",
                        column: x => x.TrustOrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exploitation_maternity_settings",
                columns: table => new
                {
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScreeningWithinDays = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_maternity_settings", x => x.PartnershipId);
                    table.ForeignKey(
                        name: "FK_exploitation_maternity_settings_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "exploitation_release_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeriesId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReleaseDate = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_release_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exploitation_release_plans_meetings_series_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "meetings_series",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_exploitation_release_plans_people_persons_ChildPersonId",
                        column: x => x.ChildPersonId,
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
                name: "exploitation_shield_outcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListDay = table.Column<string>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_shield_outcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exploitation_shield_outcomes_meetings_agenda_items_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "meetings_agenda_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_exploitation_shield_outcomes_meetings_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_exploitation_shield_outcomes_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_exploitation_shield_outcomes_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exploitation_shield_settings",
                columns: table => new
                {
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListTime = table.Column<string>(type: "TEXT", nullable: false),
                    Areas = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_shield_settings", x => x.PartnershipId);
                    table.ForeignKey(
                        name: "FK_exploitation_shield_settings_platform_partnerships_PartnershipId",
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
                name: "learners_education_signposting",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RollLocalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RaisedFrom = table.Column<Guid>(type: "TEXT", nullable: false),
                    NamedOn = table.Column<string>(type: "TEXT", nullable: false),
                    NamedSettingUrn = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    NamedSettingName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Advice = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ActedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learners_education_signposting", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learners_education_signposting_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exploitation_release_plan_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReleasePlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingActionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DaysBeforeRelease = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_release_plan_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exploitation_release_plan_actions_exploitation_release_plans_ReleasePlanId",
                        column: x => x.ReleasePlanId,
                        principalTable: "exploitation_release_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_exploitation_release_plan_actions_meetings_actions_MeetingActionId",
                        column: x => x.MeetingActionId,
                        principalTable: "meetings_actions",
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
                name: "IX_exploitation_maternity_bookings_PartnershipId_BookingDate",
                table: "exploitation_maternity_bookings",
                columns: new[] { "PartnershipId", "BookingDate" });

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_maternity_bookings_PartnershipId_ScreeningId_ScreeningDueDate",
                table: "exploitation_maternity_bookings",
                columns: new[] { "PartnershipId", "ScreeningId", "ScreeningDueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_maternity_bookings_PartnershipId_TrustOrganisationId_BookingReference",
                table: "exploitation_maternity_bookings",
                columns: new[] { "PartnershipId", "TrustOrganisationId", "BookingReference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_maternity_bookings_PersonId",
                table: "exploitation_maternity_bookings",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_maternity_bookings_ScreeningId",
                table: "exploitation_maternity_bookings",
                column: "ScreeningId");

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_maternity_bookings_TrustOrganisationId",
                table: "exploitation_maternity_bookings",
                column: "TrustOrganisationId");

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
                name: "IX_exploitation_release_plan_actions_MeetingActionId",
                table: "exploitation_release_plan_actions",
                column: "MeetingActionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_release_plan_actions_ReleasePlanId",
                table: "exploitation_release_plan_actions",
                column: "ReleasePlanId");

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_release_plans_ChildPersonId",
                table: "exploitation_release_plans",
                column: "ChildPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_release_plans_PartnershipId_SeriesId_ChildPersonId",
                table: "exploitation_release_plans",
                columns: new[] { "PartnershipId", "SeriesId", "ChildPersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_release_plans_SeriesId",
                table: "exploitation_release_plans",
                column: "SeriesId");

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

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_shield_outcomes_AgendaItemId",
                table: "exploitation_shield_outcomes",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_shield_outcomes_MeetingId",
                table: "exploitation_shield_outcomes",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_shield_outcomes_PartnershipId_ListDay_CaseId",
                table: "exploitation_shield_outcomes",
                columns: new[] { "PartnershipId", "ListDay", "CaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_shield_outcomes_PersonId",
                table: "exploitation_shield_outcomes",
                column: "PersonId");

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

            migrationBuilder.CreateIndex(
                name: "IX_learners_education_signposting_PartnershipId_Kind_Status_RaisedAt",
                table: "learners_education_signposting",
                columns: new[] { "PartnershipId", "Kind", "Status", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_learners_education_signposting_PartnershipId_PersonId",
                table: "learners_education_signposting",
                columns: new[] { "PartnershipId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_learners_education_signposting_PartnershipId_RaisedFrom",
                table: "learners_education_signposting",
                columns: new[] { "PartnershipId", "RaisedFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_learners_education_signposting_PersonId",
                table: "learners_education_signposting",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exploitation_maternity_bookings");

            migrationBuilder.DropTable(
                name: "exploitation_maternity_settings");

            migrationBuilder.DropTable(
                name: "exploitation_navigator_referrals");

            migrationBuilder.DropTable(
                name: "exploitation_navigator_settings");

            migrationBuilder.DropTable(
                name: "exploitation_nrm_referrals");

            migrationBuilder.DropTable(
                name: "exploitation_release_plan_actions");

            migrationBuilder.DropTable(
                name: "exploitation_roth_contextual_actions");

            migrationBuilder.DropTable(
                name: "exploitation_shield_outcomes");

            migrationBuilder.DropTable(
                name: "exploitation_shield_settings");

            migrationBuilder.DropTable(
                name: "learners_education_signposting");

            migrationBuilder.DropTable(
                name: "health_self_assessments");

            migrationBuilder.DropTable(
                name: "exploitation_release_plans");

            migrationBuilder.DropTable(
                name: "exploitation_roth_cases");
        }
    }
}
