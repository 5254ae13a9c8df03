using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EncompassIntake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Fingerprint",
                table: "encompass_incidents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ChildKey",
                table: "encompass_incident_children",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Instant>(
                name: "ResolutionDeadline",
                table: "encompass_incident_children",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Instant>(
                name: "ResolvedAt",
                table: "encompass_incident_children",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ResolvedByUserId",
                table: "encompass_incident_children",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SettingOutcome",
                table: "encompass_incident_children",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "calendar_school_calendars",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    DayStart = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    UpdatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_school_calendars", x => x.Id);
                    table.ForeignKey(
                        name: "FK_calendar_school_calendars_platform_organisations_Organisati~",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_calendar_school_calendars_platform_partnerships_Partnership~",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "encompass_settings",
                columns: table => new
                {
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    CouncilOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    NotifyEarlyYears = table.Column<bool>(type: "boolean", nullable: false),
                    ContactName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContactDetails = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_encompass_settings", x => x.PartnershipId);
                    table.ForeignKey(
                        name: "FK_encompass_settings_platform_organisations_CouncilOrganisati~",
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
                name: "learners_pupil_registrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    SourceRecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    LocalId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartedOn = table.Column<LocalDate>(type: "date", nullable: true),
                    LeftOn = table.Column<LocalDate>(type: "date", nullable: true),
                    EnrolStatus = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    LastListedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learners_pupil_registrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learners_pupil_registrations_people_source_records_SourceRe~",
                        column: x => x.SourceRecordId,
                        principalTable: "people_source_records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_learners_pupil_registrations_platform_organisations_Organis~",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_learners_pupil_registrations_platform_partnerships_Partners~",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learners_register_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Register = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    SourceRecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<LocalDate>(type: "date", nullable: false),
                    To = table.Column<LocalDate>(type: "date", nullable: true),
                    RecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learners_register_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learners_register_entries_people_source_records_SourceRecor~",
                        column: x => x.SourceRecordId,
                        principalTable: "people_source_records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_learners_register_entries_platform_partnerships_Partnership~",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "calendar_closures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CalendarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<LocalDate>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CalendarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Start = table.Column<LocalDate>(type: "date", nullable: false),
                    End = table.Column<LocalDate>(type: "date", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_encompass_incident_children_SettingOutcome_ResolvedAt",
                table: "encompass_incident_children",
                columns: new[] { "SettingOutcome", "ResolvedAt" });

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
                name: "IX_encompass_settings_CouncilOrganisationId",
                table: "encompass_settings",
                column: "CouncilOrganisationId");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_closures");

            migrationBuilder.DropTable(
                name: "calendar_terms");

            migrationBuilder.DropTable(
                name: "encompass_settings");

            migrationBuilder.DropTable(
                name: "learners_pupil_registrations");

            migrationBuilder.DropTable(
                name: "learners_register_entries");

            migrationBuilder.DropTable(
                name: "calendar_school_calendars");

            migrationBuilder.DropIndex(
                name: "IX_encompass_incident_children_SettingOutcome_ResolvedAt",
                table: "encompass_incident_children");

            migrationBuilder.DropColumn(
                name: "Fingerprint",
                table: "encompass_incidents");

            migrationBuilder.DropColumn(
                name: "ChildKey",
                table: "encompass_incident_children");

            migrationBuilder.DropColumn(
                name: "ResolutionDeadline",
                table: "encompass_incident_children");

            migrationBuilder.DropColumn(
                name: "ResolvedAt",
                table: "encompass_incident_children");

            migrationBuilder.DropColumn(
                name: "ResolvedByUserId",
                table: "encompass_incident_children");

            migrationBuilder.DropColumn(
                name: "SettingOutcome",
                table: "encompass_incident_children");
        }
    }
}
