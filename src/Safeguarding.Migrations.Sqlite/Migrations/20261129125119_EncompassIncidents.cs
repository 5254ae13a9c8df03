using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
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
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true)
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
