using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class YouthViolenceRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exploitation_violence_incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    ForceOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PoliceReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    IsLatest = table.Column<bool>(type: "boolean", nullable: false),
                    OccurredAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    ReportedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Offence = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    KnifeOrSharpObject = table.Column<bool>(type: "boolean", nullable: false),
                    Firearm = table.Column<bool>(type: "boolean", nullable: false),
                    Domestic = table.Column<bool>(type: "boolean", nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReceivedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Received = table.Column<string>(type: "text", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_violence_incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "health_ed_attendances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    HospitalOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AttendanceReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ArrivedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    AgeAtArrival = table.Column<int>(type: "integer", nullable: false),
                    ChiefComplaintCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    InjuryIntentCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    InjuryMechanismCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    DischargeDestinationCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    Assault = table.Column<bool>(type: "boolean", nullable: false),
                    Mechanism = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Admitted = table.Column<bool>(type: "boolean", nullable: false),
                    ReceivedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Received = table.Column<string>(type: "text", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_health_ed_attendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_health_ed_attendances_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exploitation_violence_incident_people",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<LocalDate>(type: "date", nullable: true),
                    AgeAtIncident = table.Column<int>(type: "integer", nullable: true),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_violence_incident_people", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exploitation_violence_incident_people_exploitation_violence~",
                        column: x => x.IncidentId,
                        principalTable: "exploitation_violence_incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_exploitation_violence_incident_people_people_persons_Person~",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_violence_incident_people_IncidentId",
                table: "exploitation_violence_incident_people",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_violence_incident_people_PersonId",
                table: "exploitation_violence_incident_people",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_violence_incidents_PartnershipId_ForceOrganisa~",
                table: "exploitation_violence_incidents",
                columns: new[] { "PartnershipId", "ForceOrganisationId", "PoliceReference", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_violence_incidents_PartnershipId_IsLatest_Occu~",
                table: "exploitation_violence_incidents",
                columns: new[] { "PartnershipId", "IsLatest", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_health_ed_attendances_PartnershipId_ArrivedAt",
                table: "health_ed_attendances",
                columns: new[] { "PartnershipId", "ArrivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_health_ed_attendances_PartnershipId_HospitalOrganisationId_~",
                table: "health_ed_attendances",
                columns: new[] { "PartnershipId", "HospitalOrganisationId", "AttendanceReference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_health_ed_attendances_PartnershipId_PersonId",
                table: "health_ed_attendances",
                columns: new[] { "PartnershipId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_health_ed_attendances_PersonId",
                table: "health_ed_attendances",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exploitation_violence_incident_people");

            migrationBuilder.DropTable(
                name: "health_ed_attendances");

            migrationBuilder.DropTable(
                name: "exploitation_violence_incidents");
        }
    }
}
