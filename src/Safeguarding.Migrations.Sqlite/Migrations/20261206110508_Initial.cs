using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "people_merges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    KeptPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MovedSourceRecordIds = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UndoReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UndoneByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UndoneAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people_merges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_audit_entries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorApiClientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ResourceType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResourceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Process = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FromAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_audit_entries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "platform_audit_head",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    LastHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_audit_head", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_break_glass_accesses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResourceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    GrantedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_break_glass_accesses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_idempotent_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Caller = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ResponseBody = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_idempotent_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_partnerships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_partnerships", x => x.Id);
                });

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
                name: "learners_enrolments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AcademicYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Upn = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Urn = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DateOfBirth = table.Column<string>(type: "TEXT", nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    YearGroup = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    SenProvision = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    SenPrimaryNeed = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    Fsm = table.Column<bool>(type: "INTEGER", nullable: false),
                    Sessions = table.Column<byte[]>(type: "BLOB", maxLength: 1024, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learners_enrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learners_enrolments_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learners_population",
                columns: table => new
                {
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Aged5To16 = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learners_population", x => x.PartnershipId);
                    table.ForeignKey(
                        name: "FK_learners_population_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learners_school_census",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AcademicYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Urn = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CensusDate = table.Column<string>(type: "TEXT", nullable: false),
                    Headcount = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learners_school_census", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learners_school_census_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learners_suspensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AcademicYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Upn = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Urn = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartDate = table.Column<string>(type: "TEXT", nullable: false),
                    Sessions = table.Column<int>(type: "INTEGER", nullable: false),
                    Permanent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learners_suspensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learners_suspensions_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "people_households",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people_households", x => x.Id);
                    table.ForeignKey(
                        name: "FK_people_households_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "people_linkage_settings",
                columns: table => new
                {
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpperThreshold = table.Column<double>(type: "REAL", nullable: false),
                    LowerThreshold = table.Column<double>(type: "REAL", nullable: false),
                    ModelJson = table.Column<string>(type: "TEXT", nullable: true),
                    ModelTrainedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people_linkage_settings", x => x.PartnershipId);
                    table.ForeignKey(
                        name: "FK_people_linkage_settings_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Urn = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    OdsCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    PoliceForceCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_organisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_organisations_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Destination = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    DeliveryKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    About = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AboutId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimToken = table.Column<Guid>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_outbox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_outbox_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_quarantined_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SentByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Raw = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Corrected = table.Column<string>(type: "TEXT", nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_quarantined_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_quarantined_records_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learners_mark_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<string>(type: "TEXT", nullable: false),
                    Session = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    OldCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    NewCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learners_mark_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learners_mark_changes_learners_enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "learners_enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "people_persons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: true),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<string>(type: "TEXT", nullable: true),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NhsNumber = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Upn = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    IsSealed = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MergedIntoPersonId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people_persons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_people_persons_people_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "people_households",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_people_persons_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "calendar_school_calendars",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DayStart = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_school_calendars", x => x.Id);
                    table.ForeignKey(
                        name: "FK_calendar_school_calendars_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_calendar_school_calendars_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "encompass_incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForceOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PoliceReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IsLatest = table.Column<bool>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Received = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_encompass_incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_encompass_incidents_platform_organisations_ForceOrganisationId",
                        column: x => x.ForceOrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_encompass_incidents_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "encompass_settings",
                columns: table => new
                {
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CouncilOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NotifyEarlyYears = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactDetails = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_encompass_settings", x => x.PartnershipId);
                    table.ForeignKey(
                        name: "FK_encompass_settings_platform_organisations_CouncilOrganisationId",
                        column: x => x.CouncilOrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_encompass_settings_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learners_roll_uploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Listed = table.Column<int>(type: "INTEGER", nullable: false),
                    Added = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Left = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learners_roll_uploads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learners_roll_uploads_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_learners_roll_uploads_platform_partnerships_PartnershipId",
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
                name: "platform_api_clients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Scopes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_api_clients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_api_clients_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_platform_api_clients_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_users",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDisabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_users", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_users_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_platform_users_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_webhook_subscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Secret = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_webhook_subscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_webhook_subscriptions_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_platform_webhook_subscriptions_platform_partnerships_PartnershipId",
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
                name: "people_person_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    From = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people_person_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_people_person_links_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_people_person_links_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "people_relationships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RelatedPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people_relationships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_people_relationships_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_people_relationships_people_persons_RelatedPersonId",
                        column: x => x.RelatedPersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "people_source_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceSystem = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    LocalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Received = table.Column<string>(type: "TEXT", nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DateOfBirth = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    NhsNumber = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Upn = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MatchProbability = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people_source_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_people_source_records_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_people_source_records_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "calendar_closures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CalendarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_closures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_calendar_closures_calendar_school_calendars_CalendarId",
                        column: x => x.CalendarId,
                        principalTable: "calendar_school_calendars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "calendar_terms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CalendarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Start = table.Column<string>(type: "TEXT", nullable: false),
                    End = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_terms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_calendar_terms_calendar_school_calendars_CalendarId",
                        column: x => x.CalendarId,
                        principalTable: "calendar_school_calendars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "encompass_incident_adults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<string>(type: "TEXT", nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_encompass_incident_adults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_encompass_incident_adults_encompass_incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "encompass_incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "encompass_incident_children",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<string>(type: "TEXT", nullable: true),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Present = table.Column<bool>(type: "INTEGER", nullable: false),
                    SawOrHeard = table.Column<bool>(type: "INTEGER", nullable: false),
                    Resident = table.Column<bool>(type: "INTEGER", nullable: false),
                    SpokenTo = table.Column<bool>(type: "INTEGER", nullable: false),
                    WhatTheySaid = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SchoolNamed = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChildKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SettingOutcome = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResolutionDeadline = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_encompass_incident_children", x => x.Id);
                    table.ForeignKey(
                        name: "FK_encompass_incident_children_encompass_incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "encompass_incidents",
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
                name: "platform_user_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_user_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_user_claims_platform_users_UserId",
                        column: x => x.UserId,
                        principalTable: "platform_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_user_logins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_platform_user_logins_platform_users_UserId",
                        column: x => x.UserId,
                        principalTable: "platform_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_user_roles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_user_roles", x => new { x.UserId, x.Role });
                    table.ForeignKey(
                        name: "FK_platform_user_roles_platform_users_UserId",
                        column: x => x.UserId,
                        principalTable: "platform_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_user_tokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_platform_user_tokens_platform_users_UserId",
                        column: x => x.UserId,
                        principalTable: "platform_users",
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
                name: "learners_pupil_registrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceRecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LocalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartedOn = table.Column<string>(type: "TEXT", nullable: true),
                    LeftOn = table.Column<string>(type: "TEXT", nullable: true),
                    EnrolStatus = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    LastListedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learners_pupil_registrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learners_pupil_registrations_people_source_records_SourceRecordId",
                        column: x => x.SourceRecordId,
                        principalTable: "people_source_records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_learners_pupil_registrations_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_learners_pupil_registrations_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learners_register_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Register = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceRecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", nullable: false),
                    To = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LastSchoolUrn = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learners_register_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learners_register_entries_people_source_records_SourceRecordId",
                        column: x => x.SourceRecordId,
                        principalTable: "people_source_records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_learners_register_entries_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "people_match_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceRecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidatePersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatchProbability = table.Column<double>(type: "REAL", nullable: false),
                    MatchWeight = table.Column<double>(type: "REAL", nullable: false),
                    HeldBecause = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people_match_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_people_match_reviews_people_persons_CandidatePersonId",
                        column: x => x.CandidatePersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_people_match_reviews_people_source_records_SourceRecordId",
                        column: x => x.SourceRecordId,
                        principalTable: "people_source_records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "encompass_notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecipientOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    FollowsUpNotificationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FirstOpenedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SupportChoices = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SupportNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BreachRecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BreachReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_encompass_notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_encompass_notifications_encompass_incident_children_IncidentChildId",
                        column: x => x.IncidentChildId,
                        principalTable: "encompass_incident_children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_encompass_notifications_encompass_incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "encompass_incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_encompass_notifications_platform_organisations_RecipientOrganisationId",
                        column: x => x.RecipientOrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_encompass_notifications_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
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
                name: "encompass_escalation_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NotificationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DoneByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_encompass_escalation_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_encompass_escalation_tasks_encompass_notifications_NotificationId",
                        column: x => x.NotificationId,
                        principalTable: "encompass_notifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_encompass_escalation_tasks_platform_organisations_RecipientOrganisationId",
                        column: x => x.RecipientOrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_encompass_escalation_tasks_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
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
                name: "IX_calendar_closures_CalendarId_Date",
                table: "calendar_closures",
                columns: new[] { "CalendarId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_calendar_school_calendars_OrganisationId",
                table: "calendar_school_calendars",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_calendar_school_calendars_PartnershipId_OrganisationId",
                table: "calendar_school_calendars",
                columns: new[] { "PartnershipId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_calendar_terms_CalendarId_Start",
                table: "calendar_terms",
                columns: new[] { "CalendarId", "Start" });

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
                name: "IX_encompass_escalation_tasks_NotificationId",
                table: "encompass_escalation_tasks",
                column: "NotificationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_encompass_escalation_tasks_PartnershipId_DoneAt_Deadline",
                table: "encompass_escalation_tasks",
                columns: new[] { "PartnershipId", "DoneAt", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_encompass_escalation_tasks_RecipientOrganisationId",
                table: "encompass_escalation_tasks",
                column: "RecipientOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_encompass_incident_adults_IncidentId",
                table: "encompass_incident_adults",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_encompass_incident_adults_PersonId",
                table: "encompass_incident_adults",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_encompass_incident_children_IncidentId",
                table: "encompass_incident_children",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_encompass_incident_children_PersonId",
                table: "encompass_incident_children",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_encompass_incident_children_SettingOutcome_ResolvedAt",
                table: "encompass_incident_children",
                columns: new[] { "SettingOutcome", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_encompass_incidents_ForceOrganisationId",
                table: "encompass_incidents",
                column: "ForceOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_encompass_incidents_PartnershipId_ForceOrganisationId_PoliceReference_Version",
                table: "encompass_incidents",
                columns: new[] { "PartnershipId", "ForceOrganisationId", "PoliceReference", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_encompass_incidents_PartnershipId_IsLatest_ReceivedAt",
                table: "encompass_incidents",
                columns: new[] { "PartnershipId", "IsLatest", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_encompass_notifications_IncidentChildId",
                table: "encompass_notifications",
                column: "IncidentChildId");

            migrationBuilder.CreateIndex(
                name: "IX_encompass_notifications_IncidentId",
                table: "encompass_notifications",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_encompass_notifications_PartnershipId_Status_Deadline",
                table: "encompass_notifications",
                columns: new[] { "PartnershipId", "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_encompass_notifications_RecipientOrganisationId_Status_Deadline",
                table: "encompass_notifications",
                columns: new[] { "RecipientOrganisationId", "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_encompass_settings_CouncilOrganisationId",
                table: "encompass_settings",
                column: "CouncilOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_learners_enrolments_PartnershipId_AcademicYear_Upn_Urn",
                table: "learners_enrolments",
                columns: new[] { "PartnershipId", "AcademicYear", "Upn", "Urn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learners_enrolments_PartnershipId_AcademicYear_Urn",
                table: "learners_enrolments",
                columns: new[] { "PartnershipId", "AcademicYear", "Urn" });

            migrationBuilder.CreateIndex(
                name: "IX_learners_enrolments_PersonId",
                table: "learners_enrolments",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_learners_mark_changes_EnrolmentId_Date",
                table: "learners_mark_changes",
                columns: new[] { "EnrolmentId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_learners_pupil_registrations_OrganisationId_LocalId",
                table: "learners_pupil_registrations",
                columns: new[] { "OrganisationId", "LocalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learners_pupil_registrations_PartnershipId_PersonId",
                table: "learners_pupil_registrations",
                columns: new[] { "PartnershipId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_learners_pupil_registrations_SourceRecordId",
                table: "learners_pupil_registrations",
                column: "SourceRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_learners_register_entries_PartnershipId_PersonId",
                table: "learners_register_entries",
                columns: new[] { "PartnershipId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_learners_register_entries_SourceRecordId",
                table: "learners_register_entries",
                column: "SourceRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_learners_roll_uploads_OrganisationId_UploadedAt",
                table: "learners_roll_uploads",
                columns: new[] { "OrganisationId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_learners_roll_uploads_PartnershipId",
                table: "learners_roll_uploads",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_learners_school_census_PartnershipId_AcademicYear_Urn",
                table: "learners_school_census",
                columns: new[] { "PartnershipId", "AcademicYear", "Urn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learners_suspensions_PartnershipId_AcademicYear_Upn_Urn_StartDate_Permanent",
                table: "learners_suspensions",
                columns: new[] { "PartnershipId", "AcademicYear", "Upn", "Urn", "StartDate", "Permanent" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learners_suspensions_PersonId",
                table: "learners_suspensions",
                column: "PersonId");

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

            migrationBuilder.CreateIndex(
                name: "IX_people_households_PartnershipId",
                table: "people_households",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_people_match_reviews_CandidatePersonId",
                table: "people_match_reviews",
                column: "CandidatePersonId");

            migrationBuilder.CreateIndex(
                name: "IX_people_match_reviews_PartnershipId_DecidedAt",
                table: "people_match_reviews",
                columns: new[] { "PartnershipId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_people_match_reviews_SourceRecordId",
                table: "people_match_reviews",
                column: "SourceRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_people_merges_KeptPersonId",
                table: "people_merges",
                column: "KeptPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_people_merges_MergedPersonId",
                table: "people_merges",
                column: "MergedPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_people_person_links_OrganisationId_Kind",
                table: "people_person_links",
                columns: new[] { "OrganisationId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_people_person_links_PersonId",
                table: "people_person_links",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_people_persons_HouseholdId",
                table: "people_persons",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_people_persons_PartnershipId_FamilyName_GivenName",
                table: "people_persons",
                columns: new[] { "PartnershipId", "FamilyName", "GivenName" });

            migrationBuilder.CreateIndex(
                name: "IX_people_persons_PartnershipId_NhsNumber",
                table: "people_persons",
                columns: new[] { "PartnershipId", "NhsNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_people_relationships_PersonId_Kind",
                table: "people_relationships",
                columns: new[] { "PersonId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_people_relationships_RelatedPersonId",
                table: "people_relationships",
                column: "RelatedPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_OrganisationId",
                table: "people_source_records",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_PartnershipId_DateOfBirth",
                table: "people_source_records",
                columns: new[] { "PartnershipId", "DateOfBirth" });

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_PartnershipId_FamilyName_DateOfBirth",
                table: "people_source_records",
                columns: new[] { "PartnershipId", "FamilyName", "DateOfBirth" });

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_PartnershipId_NhsNumber",
                table: "people_source_records",
                columns: new[] { "PartnershipId", "NhsNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_PartnershipId_OrganisationId_SourceSystem_LocalId",
                table: "people_source_records",
                columns: new[] { "PartnershipId", "OrganisationId", "SourceSystem", "LocalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_PartnershipId_Postcode",
                table: "people_source_records",
                columns: new[] { "PartnershipId", "Postcode" });

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_PartnershipId_Upn",
                table: "people_source_records",
                columns: new[] { "PartnershipId", "Upn" });

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_PersonId",
                table: "people_source_records",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_api_clients_ClientId",
                table: "platform_api_clients",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_api_clients_OrganisationId",
                table: "platform_api_clients",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_api_clients_PartnershipId",
                table: "platform_api_clients",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_entries_ActorUserId_At",
                table: "platform_audit_entries",
                columns: new[] { "ActorUserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_entries_ResourceType_ResourceId",
                table: "platform_audit_entries",
                columns: new[] { "ResourceType", "ResourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_break_glass_accesses_PartnershipId_ReviewedAt",
                table: "platform_break_glass_accesses",
                columns: new[] { "PartnershipId", "ReviewedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_break_glass_accesses_UserId_ResourceType_ResourceId",
                table: "platform_break_glass_accesses",
                columns: new[] { "UserId", "ResourceType", "ResourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_idempotent_requests_Caller_Key",
                table: "platform_idempotent_requests",
                columns: new[] { "Caller", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_organisations_PartnershipId_OdsCode",
                table: "platform_organisations",
                columns: new[] { "PartnershipId", "OdsCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_organisations_PartnershipId_Type",
                table: "platform_organisations",
                columns: new[] { "PartnershipId", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_organisations_PartnershipId_Urn",
                table: "platform_organisations",
                columns: new[] { "PartnershipId", "Urn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_outbox_AboutId",
                table: "platform_outbox",
                column: "AboutId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_outbox_DeliveryKey",
                table: "platform_outbox",
                column: "DeliveryKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_outbox_PartnershipId_Status",
                table: "platform_outbox",
                columns: new[] { "PartnershipId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_outbox_Status_NextAttemptAt",
                table: "platform_outbox",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_partnerships_Code",
                table: "platform_partnerships",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_quarantined_records_PartnershipId_Status_Kind_ReceivedAt",
                table: "platform_quarantined_records",
                columns: new[] { "PartnershipId", "Status", "Kind", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_user_claims_UserId",
                table: "platform_user_claims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_user_logins_UserId",
                table: "platform_user_logins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "platform_users",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_platform_users_OrganisationId",
                table: "platform_users",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_users_PartnershipId",
                table: "platform_users",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "platform_users",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_webhook_subscriptions_OrganisationId",
                table: "platform_webhook_subscriptions",
                column: "OrganisationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_webhook_subscriptions_PartnershipId",
                table: "platform_webhook_subscriptions",
                column: "PartnershipId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_closures");

            migrationBuilder.DropTable(
                name: "calendar_terms");

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
                name: "encompass_escalation_tasks");

            migrationBuilder.DropTable(
                name: "encompass_incident_adults");

            migrationBuilder.DropTable(
                name: "encompass_settings");

            migrationBuilder.DropTable(
                name: "learners_mark_changes");

            migrationBuilder.DropTable(
                name: "learners_population");

            migrationBuilder.DropTable(
                name: "learners_pupil_registrations");

            migrationBuilder.DropTable(
                name: "learners_register_entries");

            migrationBuilder.DropTable(
                name: "learners_roll_uploads");

            migrationBuilder.DropTable(
                name: "learners_school_census");

            migrationBuilder.DropTable(
                name: "learners_suspensions");

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
                name: "people_linkage_settings");

            migrationBuilder.DropTable(
                name: "people_match_reviews");

            migrationBuilder.DropTable(
                name: "people_merges");

            migrationBuilder.DropTable(
                name: "people_person_links");

            migrationBuilder.DropTable(
                name: "people_relationships");

            migrationBuilder.DropTable(
                name: "platform_api_clients");

            migrationBuilder.DropTable(
                name: "platform_audit_entries");

            migrationBuilder.DropTable(
                name: "platform_audit_head");

            migrationBuilder.DropTable(
                name: "platform_break_glass_accesses");

            migrationBuilder.DropTable(
                name: "platform_idempotent_requests");

            migrationBuilder.DropTable(
                name: "platform_outbox");

            migrationBuilder.DropTable(
                name: "platform_quarantined_records");

            migrationBuilder.DropTable(
                name: "platform_user_claims");

            migrationBuilder.DropTable(
                name: "platform_user_logins");

            migrationBuilder.DropTable(
                name: "platform_user_roles");

            migrationBuilder.DropTable(
                name: "platform_user_tokens");

            migrationBuilder.DropTable(
                name: "platform_webhook_subscriptions");

            migrationBuilder.DropTable(
                name: "calendar_school_calendars");

            migrationBuilder.DropTable(
                name: "domestic_abuse_risk_assessments");

            migrationBuilder.DropTable(
                name: "domestic_abuse_safety_plans");

            migrationBuilder.DropTable(
                name: "encompass_notifications");

            migrationBuilder.DropTable(
                name: "learners_enrolments");

            migrationBuilder.DropTable(
                name: "meetings_agenda_items");

            migrationBuilder.DropTable(
                name: "people_source_records");

            migrationBuilder.DropTable(
                name: "platform_users");

            migrationBuilder.DropTable(
                name: "encompass_incident_children");

            migrationBuilder.DropTable(
                name: "meetings_meetings");

            migrationBuilder.DropTable(
                name: "people_persons");

            migrationBuilder.DropTable(
                name: "encompass_incidents");

            migrationBuilder.DropTable(
                name: "meetings_series");

            migrationBuilder.DropTable(
                name: "people_households");

            migrationBuilder.DropTable(
                name: "platform_organisations");

            migrationBuilder.DropTable(
                name: "platform_partnerships");
        }
    }
}
