using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FrontDoorContacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "front_door_contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SourceRecordId = table.Column<Guid>(type: "uuid", nullable: true),
                    FromOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    FromUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    PublicReferrer = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Concern = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReceivedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    DecisionDueAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Decision = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DecidedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssessmentDue = table.Column<LocalDate>(type: "date", nullable: true),
                    AssessmentCompletedOn = table.Column<LocalDate>(type: "date", nullable: true),
                    AssessmentOutcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Factors = table.Column<List<string>>(type: "text[]", nullable: false),
                    AssessedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_front_door_contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_front_door_contacts_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_front_door_contacts_PartnershipId_DecidedAt_DecisionDueAt",
                table: "front_door_contacts",
                columns: new[] { "PartnershipId", "DecidedAt", "DecisionDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_front_door_contacts_PartnershipId_FromOrganisationId_Receiv~",
                table: "front_door_contacts",
                columns: new[] { "PartnershipId", "FromOrganisationId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_front_door_contacts_PartnershipId_PersonId",
                table: "front_door_contacts",
                columns: new[] { "PartnershipId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_front_door_contacts_PartnershipId_ReceivedAt",
                table: "front_door_contacts",
                columns: new[] { "PartnershipId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_front_door_contacts_PersonId",
                table: "front_door_contacts",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "front_door_contacts");
        }
    }
}
