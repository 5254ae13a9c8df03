using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SourceRecordId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FromOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FromUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublicReferrer = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Concern = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecisionDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssessmentDue = table.Column<string>(type: "TEXT", nullable: true),
                    AssessmentCompletedOn = table.Column<string>(type: "TEXT", nullable: true),
                    AssessmentOutcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Factors = table.Column<string>(type: "TEXT", nullable: false),
                    AssessedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
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
                name: "IX_front_door_contacts_PartnershipId_FromOrganisationId_ReceivedAt",
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
