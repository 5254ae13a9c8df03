using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    RollLocalId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RaisedFrom = table.Column<Guid>(type: "uuid", nullable: false),
                    NamedOn = table.Column<LocalDate>(type: "date", nullable: false),
                    NamedSettingUrn = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    NamedSettingName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Advice = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RaisedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ActedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
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
                name: "IX_learners_education_signposting_PartnershipId_Kind_Status_Ra~",
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
