using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EdRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "learners_education_signposting",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RollLocalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RaisedFrom = table.Column<Guid>(type: "TEXT", nullable: false),
                    NamedOn = table.Column<string>(type: "TEXT", nullable: false),
                    NamedSettingUrn = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    NamedSettingName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Advice = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ActedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learners_education_signposting", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learners_education_signposting_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_learners_education_signposting_PartnershipId_Kind_Status_RaisedAt",
                table: "learners_education_signposting",
                columns: new[] { "PartnershipId", "Kind", "Status", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_learners_education_signposting_PartnershipId_PersonId",
                table: "learners_education_signposting",
                columns: new[] { "PartnershipId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_learners_education_signposting_PartnershipId_RaisedFrom",
                table: "learners_education_signposting",
                columns: new[] { "PartnershipId", "RaisedFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_learners_education_signposting_PersonId",
                table: "learners_education_signposting",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learners_education_signposting");
        }
    }
}
