using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForceOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PoliceReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IsLatest = table.Column<bool>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Offence = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    KnifeOrSharpObject = table.Column<bool>(type: "INTEGER", nullable: false),
                    Firearm = table.Column<bool>(type: "INTEGER", nullable: false),
                    Domestic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Received = table.Column<string>(type: "TEXT", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_violence_incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "health_ed_attendances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HospitalOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttendanceReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArrivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AgeAtArrival = table.Column<int>(type: "INTEGER", nullable: false),
                    ChiefComplaintCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    InjuryIntentCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    InjuryMechanismCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    DischargeDestinationCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    Assault = table.Column<bool>(type: "INTEGER", nullable: false),
                    Mechanism = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Admitted = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Received = table.Column<string>(type: "TEXT", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<string>(type: "TEXT", nullable: true),
                    AgeAtIncident = table.Column<int>(type: "INTEGER", nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_violence_incident_people", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exploitation_violence_incident_people_exploitation_violence_incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "exploitation_violence_incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_exploitation_violence_incident_people_people_persons_PersonId",
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
                name: "IX_exploitation_violence_incidents_PartnershipId_ForceOrganisationId_PoliceReference_Version",
                table: "exploitation_violence_incidents",
                columns: new[] { "PartnershipId", "ForceOrganisationId", "PoliceReference", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_violence_incidents_PartnershipId_IsLatest_OccurredAt",
                table: "exploitation_violence_incidents",
                columns: new[] { "PartnershipId", "IsLatest", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_health_ed_attendances_PartnershipId_ArrivedAt",
                table: "health_ed_attendances",
                columns: new[] { "PartnershipId", "ArrivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_health_ed_attendances_PartnershipId_HospitalOrganisationId_AttendanceReference",
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
