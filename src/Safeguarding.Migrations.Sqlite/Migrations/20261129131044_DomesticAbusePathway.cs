using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DomesticAbusePathway : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "domestic_abuse_checklists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Definition = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_domestic_abuse_checklists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_checklists_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "domestic_abuse_health_flags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ContactOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactTelephone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SourceType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_domestic_abuse_health_flags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_health_flags_people_persons_ChildPersonId",
                        column: x => x.ChildPersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_health_flags_platform_organisations_ContactOrganisationId",
                        column: x => x.ContactOrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_health_flags_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "domestic_abuse_marac_referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VictimPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonCausingHarmPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RiskAssessmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TriageDecisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReferredByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferredByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReferredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReferralDate = table.Column<string>(type: "TEXT", nullable: false),
                    YesCount = table.Column<int>(type: "INTEGER", nullable: true),
                    VisibleHighRisk = table.Column<bool>(type: "INTEGER", nullable: false),
                    PotentialEscalation = table.Column<bool>(type: "INTEGER", nullable: false),
                    RepeatMarac = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProfessionalJudgement = table.Column<bool>(type: "INTEGER", nullable: false),
                    PreviousReferralId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgendaItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_domestic_abuse_marac_referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_marac_referrals_people_persons_VictimPersonId",
                        column: x => x.VictimPersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_marac_referrals_platform_organisations_ReferredByOrganisationId",
                        column: x => x.ReferredByOrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_marac_referrals_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "domestic_abuse_risk_assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChecklistCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChecklistVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Setting = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VictimPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonCausingHarmPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssessedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IncidentDate = table.Column<string>(type: "TEXT", nullable: false),
                    Answers = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ProfessionalJudgement = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProfessionalJudgementReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    YesCount = table.Column<int>(type: "INTEGER", nullable: true),
                    VisibleHighRisk = table.Column<bool>(type: "INTEGER", nullable: false),
                    PotentialEscalation = table.Column<bool>(type: "INTEGER", nullable: false),
                    RepeatMarac = table.Column<bool>(type: "INTEGER", nullable: false),
                    Refer = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_domestic_abuse_risk_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_risk_assessments_people_persons_VictimPersonId",
                        column: x => x.VictimPersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_domestic_abuse_risk_assessments_platform_organisations_AssessedByOrganisationId",
                        column: x => x.AssessedByOrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_risk_assessments_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "domestic_abuse_safety_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VictimPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TriageDecisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MaracReferralId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgreedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreedOn = table.Column<string>(type: "TEXT", nullable: false),
                    AgreedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewDate = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_domestic_abuse_safety_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_safety_plans_people_persons_VictimPersonId",
                        column: x => x.VictimPersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_safety_plans_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "domestic_abuse_settings",
                columns: table => new
                {
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisibleHighRisk = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalationCount = table.Column<int>(type: "INTEGER", nullable: false),
                    EscalationWindowMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    WomenAged16Plus = table.Column<int>(type: "INTEGER", nullable: true),
                    DrammListTime = table.Column<string>(type: "TEXT", nullable: false),
                    IdvaOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    YoungPeoplesIdvaOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FlagContactOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FlagContactTelephone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_domestic_abuse_settings", x => x.PartnershipId);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_settings_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "domestic_abuse_triage_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RiskAssessmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    VictimPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedOn = table.Column<string>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SafetyPlanNow = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReferToMarac = table.Column<bool>(type: "INTEGER", nullable: false),
                    Idva = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReferToChildrensSocialWork = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChildrenAtRisk = table.Column<bool>(type: "INTEGER", nullable: false),
                    NoFurtherAction = table.Column<bool>(type: "INTEGER", nullable: false),
                    NoFurtherActionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MaracReferralId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_domestic_abuse_triage_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_triage_decisions_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meetings_series",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Cadence = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FirstDate = table.Column<string>(type: "TEXT", nullable: false),
                    StartTime = table.Column<string>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ChairOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChairUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings_series", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meetings_series_platform_organisations_ChairOrganisationId",
                        column: x => x.ChairOrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meetings_series_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "domestic_abuse_assessment_children",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FeelsSafeAtHome = table.Column<bool>(type: "INTEGER", nullable: true),
                    WhatMakesThemHappy = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WhatMakesThemSad = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnythingWeCanHelpWith = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_domestic_abuse_assessment_children", x => x.Id);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_assessment_children_domestic_abuse_risk_assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "domestic_abuse_risk_assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_assessment_children_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "domestic_abuse_safety_measures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SafetyPlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ResponsibleOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_domestic_abuse_safety_measures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_safety_measures_domestic_abuse_safety_plans_SafetyPlanId",
                        column: x => x.SafetyPlanId,
                        principalTable: "domestic_abuse_safety_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_safety_measures_platform_organisations_ResponsibleOrganisationId",
                        column: x => x.ResponsibleOrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meetings_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeriesId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<string>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true),
                    MinutesApprovedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meetings_meetings_meetings_series_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "meetings_series",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meetings_meetings_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meetings_series_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeriesId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings_series_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meetings_series_members_meetings_series_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "meetings_series",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meetings_series_members_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meetings_agenda_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubjectDescription = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SourceType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings_agenda_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meetings_agenda_items_meetings_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meetings_attendees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: true),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings_attendees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meetings_attendees_meetings_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meetings_attendees_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meetings_minutes_recipients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings_minutes_recipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meetings_minutes_recipients_meetings_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meetings_minutes_recipients_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meetings_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DueDate = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meetings_actions_meetings_agenda_items_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "meetings_agenda_items",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_meetings_actions_meetings_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meetings_actions_platform_organisations_OwnerOrganisationId",
                        column: x => x.OwnerOrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meetings_actions_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meetings_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meetings_decisions_meetings_agenda_items_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "meetings_agenda_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meetings_research",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AddedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings_research", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meetings_research_meetings_agenda_items_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "meetings_agenda_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meetings_research_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_assessment_children_AssessmentId_PersonId",
                table: "domestic_abuse_assessment_children",
                columns: new[] { "AssessmentId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_assessment_children_PersonId",
                table: "domestic_abuse_assessment_children",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_checklists_PartnershipId_Code_Version",
                table: "domestic_abuse_checklists",
                columns: new[] { "PartnershipId", "Code", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_health_flags_ChildPersonId_Kind_Status",
                table: "domestic_abuse_health_flags",
                columns: new[] { "ChildPersonId", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_health_flags_ContactOrganisationId",
                table: "domestic_abuse_health_flags",
                column: "ContactOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_health_flags_PartnershipId",
                table: "domestic_abuse_health_flags",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_health_flags_SourceType_SourceId",
                table: "domestic_abuse_health_flags",
                columns: new[] { "SourceType", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_marac_referrals_PartnershipId_Status_ReferralDate",
                table: "domestic_abuse_marac_referrals",
                columns: new[] { "PartnershipId", "Status", "ReferralDate" });

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_marac_referrals_ReferredByOrganisationId",
                table: "domestic_abuse_marac_referrals",
                column: "ReferredByOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_marac_referrals_VictimPersonId_ReferralDate",
                table: "domestic_abuse_marac_referrals",
                columns: new[] { "VictimPersonId", "ReferralDate" });

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_risk_assessments_AssessedByOrganisationId",
                table: "domestic_abuse_risk_assessments",
                column: "AssessedByOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_risk_assessments_IncidentId",
                table: "domestic_abuse_risk_assessments",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_risk_assessments_PartnershipId_Status_CompletedAt",
                table: "domestic_abuse_risk_assessments",
                columns: new[] { "PartnershipId", "Status", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_risk_assessments_VictimPersonId",
                table: "domestic_abuse_risk_assessments",
                column: "VictimPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_safety_measures_ResponsibleOrganisationId",
                table: "domestic_abuse_safety_measures",
                column: "ResponsibleOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_safety_measures_SafetyPlanId",
                table: "domestic_abuse_safety_measures",
                column: "SafetyPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_safety_plans_PartnershipId_AgreedOn",
                table: "domestic_abuse_safety_plans",
                columns: new[] { "PartnershipId", "AgreedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_safety_plans_VictimPersonId",
                table: "domestic_abuse_safety_plans",
                column: "VictimPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_triage_decisions_IncidentId",
                table: "domestic_abuse_triage_decisions",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_triage_decisions_PartnershipId_DecidedOn",
                table: "domestic_abuse_triage_decisions",
                columns: new[] { "PartnershipId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_domestic_abuse_triage_decisions_RiskAssessmentId",
                table: "domestic_abuse_triage_decisions",
                column: "RiskAssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_actions_AgendaItemId",
                table: "meetings_actions",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_actions_MeetingId",
                table: "meetings_actions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_actions_OwnerOrganisationId_Status_DueDate",
                table: "meetings_actions",
                columns: new[] { "OwnerOrganisationId", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_meetings_actions_PartnershipId_Status_DueDate",
                table: "meetings_actions",
                columns: new[] { "PartnershipId", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_meetings_agenda_items_MeetingId",
                table: "meetings_agenda_items",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_agenda_items_SourceType_SourceId",
                table: "meetings_agenda_items",
                columns: new[] { "SourceType", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_meetings_agenda_items_SubjectPersonId",
                table: "meetings_agenda_items",
                column: "SubjectPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_attendees_MeetingId",
                table: "meetings_attendees",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_attendees_OrganisationId",
                table: "meetings_attendees",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_attendees_UserId_MeetingId",
                table: "meetings_attendees",
                columns: new[] { "UserId", "MeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_meetings_decisions_AgendaItemId",
                table: "meetings_decisions",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_meetings_PartnershipId",
                table: "meetings_meetings",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_meetings_SeriesId_Date",
                table: "meetings_meetings",
                columns: new[] { "SeriesId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meetings_minutes_recipients_MeetingId_OrganisationId",
                table: "meetings_minutes_recipients",
                columns: new[] { "MeetingId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meetings_minutes_recipients_OrganisationId",
                table: "meetings_minutes_recipients",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_research_AgendaItemId",
                table: "meetings_research",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_research_OrganisationId",
                table: "meetings_research",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_series_ChairOrganisationId",
                table: "meetings_series",
                column: "ChairOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_series_PartnershipId_Kind",
                table: "meetings_series",
                columns: new[] { "PartnershipId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_meetings_series_members_OrganisationId",
                table: "meetings_series_members",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_series_members_SeriesId_OrganisationId",
                table: "meetings_series_members",
                columns: new[] { "SeriesId", "OrganisationId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "domestic_abuse_assessment_children");

            migrationBuilder.DropTable(
                name: "domestic_abuse_checklists");

            migrationBuilder.DropTable(
                name: "domestic_abuse_health_flags");

            migrationBuilder.DropTable(
                name: "domestic_abuse_marac_referrals");

            migrationBuilder.DropTable(
                name: "domestic_abuse_safety_measures");

            migrationBuilder.DropTable(
                name: "domestic_abuse_settings");

            migrationBuilder.DropTable(
                name: "domestic_abuse_triage_decisions");

            migrationBuilder.DropTable(
                name: "meetings_actions");

            migrationBuilder.DropTable(
                name: "meetings_attendees");

            migrationBuilder.DropTable(
                name: "meetings_decisions");

            migrationBuilder.DropTable(
                name: "meetings_minutes_recipients");

            migrationBuilder.DropTable(
                name: "meetings_research");

            migrationBuilder.DropTable(
                name: "meetings_series_members");

            migrationBuilder.DropTable(
                name: "domestic_abuse_risk_assessments");

            migrationBuilder.DropTable(
                name: "domestic_abuse_safety_plans");

            migrationBuilder.DropTable(
                name: "meetings_agenda_items");

            migrationBuilder.DropTable(
                name: "meetings_meetings");

            migrationBuilder.DropTable(
                name: "meetings_series");
        }
    }
}
