using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EarnedLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Made",
                table: "people_person_links",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "MadeAt",
                table: "people_person_links",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MadeByUserId",
                table: "people_person_links",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SourceRecordId",
                table: "people_person_links",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "people_held_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SourceRecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProvisionalPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatchProbability = table.Column<double>(type: "REAL", nullable: false),
                    HeldBecause = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", nullable: false),
                    HeldAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people_held_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_people_held_links_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_people_held_links_people_source_records_SourceRecordId",
                        column: x => x.SourceRecordId,
                        principalTable: "people_source_records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_people_held_links_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_people_held_links_OrganisationId",
                table: "people_held_links",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_people_held_links_PartnershipId_DecidedAt",
                table: "people_held_links",
                columns: new[] { "PartnershipId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_people_held_links_PersonId",
                table: "people_held_links",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_people_held_links_SourceRecordId",
                table: "people_held_links",
                column: "SourceRecordId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "people_held_links");

            migrationBuilder.DropColumn(
                name: "Made",
                table: "people_person_links");

            migrationBuilder.DropColumn(
                name: "MadeAt",
                table: "people_person_links");

            migrationBuilder.DropColumn(
                name: "MadeByUserId",
                table: "people_person_links");

            migrationBuilder.DropColumn(
                name: "SourceRecordId",
                table: "people_person_links");
        }
    }
}
