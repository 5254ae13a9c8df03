using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Definition = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_domestic_abuse_checklists", x => x.Id);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_checklists_platform_partnerships_Partnership~",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "domestic_abuse_health_flags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Start = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    End = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ContactOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContactTelephone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    SourceType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
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
                        name: "FK_domestic_abuse_health_flags_platform_organisations_ContactO~",
                        column: x => x.ContactOrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_health_flags_platform_partnerships_Partnersh~",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "domestic_abuse_marac_referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    VictimPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonCausingHarmPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    RiskAssessmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    TriageDecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReferredByOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferredByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReferredAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    ReferralDate = table.Column<LocalDate>(type: "date", nullable: false),
                    YesCount = table.Column<int>(type: "integer", nullable: true),
                    VisibleHighRisk = table.Column<bool>(type: "boolean", nullable: false),
                    PotentialEscalation = table.Column<bool>(type: "boolean", nullable: false),
                    RepeatMarac = table.Column<bool>(type: "boolean", nullable: false),
                    ProfessionalJudgement = table.Column<bool>(type: "boolean", nullable: false),
                    PreviousReferralId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: true),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClosedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
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
                        name: "FK_domestic_abuse_marac_referrals_platform_organisations_Refer~",
                        column: x => x.ReferredByOrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_marac_referrals_platform_partnerships_Partne~",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "domestic_abuse_risk_assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChecklistCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChecklistVersion = table.Column<int>(type: "integer", nullable: false),
                    Setting = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VictimPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    PersonCausingHarmPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssessedByOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    IncidentDate = table.Column<LocalDate>(type: "date", nullable: false),
                    Answers = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ProfessionalJudgement = table.Column<bool>(type: "boolean", nullable: false),
                    ProfessionalJudgementReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StartedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    YesCount = table.Column<int>(type: "integer", nullable: true),
                    VisibleHighRisk = table.Column<bool>(type: "boolean", nullable: false),
                    PotentialEscalation = table.Column<bool>(type: "boolean", nullable: false),
                    RepeatMarac = table.Column<bool>(type: "boolean", nullable: false),
                    Refer = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_domestic_abuse_risk_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_risk_assessments_people_persons_VictimPerson~",
                        column: x => x.VictimPersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_domestic_abuse_risk_assessments_platform_organisations_Asse~",
                        column: x => x.AssessedByOrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_risk_assessments_platform_partnerships_Partn~",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "domestic_abuse_safety_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    VictimPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    TriageDecisionId = table.Column<Guid>(type: "uuid", nullable: true),
                    MaracReferralId = table.Column<Guid>(type: "uuid", nullable: true),
                    AgreedByOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreedOn = table.Column<LocalDate>(type: "date", nullable: false),
                    AgreedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    ReviewDate = table.Column<LocalDate>(type: "date", nullable: false)
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
                        name: "FK_domestic_abuse_safety_plans_platform_partnerships_Partnersh~",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "domestic_abuse_settings",
                columns: table => new
                {
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    VisibleHighRisk = table.Column<int>(type: "integer", nullable: false),
                    EscalationCount = table.Column<int>(type: "integer", nullable: false),
                    EscalationWindowMonths = table.Column<int>(type: "integer", nullable: false),
                    WomenAged16Plus = table.Column<int>(type: "integer", nullable: true),
                    DrammListTime = table.Column<LocalTime>(type: "time", nullable: false),
                    IdvaOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    YoungPeoplesIdvaOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    FlagContactOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    FlagContactTelephone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: true),
                    RiskAssessmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    VictimPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedOn = table.Column<LocalDate>(type: "date", nullable: false),
                    DecidedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    DecidedByOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    SafetyPlanNow = table.Column<bool>(type: "boolean", nullable: false),
                    ReferToMarac = table.Column<bool>(type: "boolean", nullable: false),
                    Idva = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReferToChildrensSocialWork = table.Column<bool>(type: "boolean", nullable: false),
                    ChildrenAtRisk = table.Column<bool>(type: "boolean", nullable: false),
                    NoFurtherAction = table.Column<bool>(type: "boolean", nullable: false),
                    NoFurtherActionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MaracReferralId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_domestic_abuse_triage_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_triage_decisions_platform_partnerships_Partn~",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meetings_series",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Cadence = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FirstDate = table.Column<LocalDate>(type: "date", nullable: false),
                    StartTime = table.Column<LocalTime>(type: "time", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    ChairOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChairUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    FeelsSafeAtHome = table.Column<bool>(type: "boolean", nullable: true),
                    WhatMakesThemHappy = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    WhatMakesThemSad = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnythingWeCanHelpWith = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_domestic_abuse_assessment_children", x => x.Id);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_assessment_children_domestic_abuse_risk_asse~",
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SafetyPlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Measure = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ResponsibleOrganisationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_domestic_abuse_safety_measures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_safety_measures_domestic_abuse_safety_plans_~",
                        column: x => x.SafetyPlanId,
                        principalTable: "domestic_abuse_safety_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_domestic_abuse_safety_measures_platform_organisations_Respo~",
                        column: x => x.ResponsibleOrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meetings_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    SeriesId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<LocalDate>(type: "date", nullable: false),
                    StartsAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Minutes = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: true),
                    MinutesApprovedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SeriesId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false)
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
                        name: "FK_meetings_series_members_platform_organisations_Organisation~",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meetings_agenda_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubjectPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubjectDescription = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SourceType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Attended = table.Column<bool>(type: "boolean", nullable: true),
                    RemovedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false)
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
                        name: "FK_meetings_minutes_recipients_platform_organisations_Organisa~",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meetings_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    OwnerOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DueDate = table.Column<LocalDate>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    CompletionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Decision = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AddedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Findings = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    AddedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
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
                name: "IX_domestic_abuse_marac_referrals_PartnershipId_Status_Referra~",
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
                name: "IX_domestic_abuse_risk_assessments_PartnershipId_Status_Comple~",
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
