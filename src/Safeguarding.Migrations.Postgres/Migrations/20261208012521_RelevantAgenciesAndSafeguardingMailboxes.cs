using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RelevantAgenciesAndSafeguardingMailboxes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SafeguardingMailbox",
                table: "platform_organisations",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "assurance_relevant_agencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    NamedOn = table.Column<LocalDate>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_relevant_agencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assurance_relevant_agencies_platform_organisations_Organisa~",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assurance_relevant_agencies_OrganisationId",
                table: "assurance_relevant_agencies",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_assurance_relevant_agencies_PartnershipId_OrganisationId",
                table: "assurance_relevant_agencies",
                columns: new[] { "PartnershipId", "OrganisationId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assurance_relevant_agencies");

            migrationBuilder.DropColumn(
                name: "SafeguardingMailbox",
                table: "platform_organisations");
        }
    }
}
