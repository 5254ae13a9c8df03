using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EncompassIncidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "encompass_incidents",
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
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Received = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_encompass_incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_encompass_incidents_platform_organisations_ForceOrganisatio~",
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
                name: "encompass_incident_adults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<LocalDate>(type: "date", nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<LocalDate>(type: "date", nullable: true),
                    Sex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Relationship = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Present = table.Column<bool>(type: "boolean", nullable: false),
                    SawOrHeard = table.Column<bool>(type: "boolean", nullable: false),
                    Resident = table.Column<bool>(type: "boolean", nullable: false),
                    SpokenTo = table.Column<bool>(type: "boolean", nullable: false),
                    WhatTheySaid = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SchoolNamed = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true)
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
                name: "encompass_notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecipientOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Recipient = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Deadline = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    FollowsUpNotificationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    DeliveredAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    FirstOpenedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    SupportChoices = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SupportNotes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EscalatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    BreachRecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    BreachReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_encompass_notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_encompass_notifications_encompass_incident_children_Inciden~",
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
                        name: "FK_encompass_notifications_platform_organisations_RecipientOrg~",
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
                name: "IX_encompass_incidents_ForceOrganisationId",
                table: "encompass_incidents",
                column: "ForceOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_encompass_incidents_PartnershipId_ForceOrganisationId_Polic~",
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
                name: "IX_encompass_notifications_RecipientOrganisationId_Status_Dead~",
                table: "encompass_notifications",
                columns: new[] { "RecipientOrganisationId", "Status", "Deadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "encompass_incident_adults");

            migrationBuilder.DropTable(
                name: "encompass_notifications");

            migrationBuilder.DropTable(
                name: "encompass_incident_children");

            migrationBuilder.DropTable(
                name: "encompass_incidents");
        }
    }
}
