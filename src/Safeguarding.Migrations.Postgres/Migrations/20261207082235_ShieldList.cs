using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ShieldList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exploitation_shield_outcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    ListDay = table.Column<LocalDate>(type: "date", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecidedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    DecidedByOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_shield_outcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exploitation_shield_outcomes_meetings_agenda_items_AgendaIt~",
                        column: x => x.AgendaItemId,
                        principalTable: "meetings_agenda_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_exploitation_shield_outcomes_meetings_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_exploitation_shield_outcomes_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_exploitation_shield_outcomes_platform_partnerships_Partners~",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exploitation_shield_settings",
                columns: table => new
                {
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    ListTime = table.Column<LocalTime>(type: "time", nullable: false),
                    Areas = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    UpdatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_shield_settings", x => x.PartnershipId);
                    table.ForeignKey(
                        name: "FK_exploitation_shield_settings_platform_partnerships_Partners~",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_shield_outcomes_AgendaItemId",
                table: "exploitation_shield_outcomes",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_shield_outcomes_MeetingId",
                table: "exploitation_shield_outcomes",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_shield_outcomes_PartnershipId_ListDay_CaseId",
                table: "exploitation_shield_outcomes",
                columns: new[] { "PartnershipId", "ListDay", "CaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_shield_outcomes_PersonId",
                table: "exploitation_shield_outcomes",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exploitation_shield_outcomes");

            migrationBuilder.DropTable(
                name: "exploitation_shield_settings");
        }
    }
}
