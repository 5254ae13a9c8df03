using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChildAllocations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "people_child_allocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamManagerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceManagerUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartDate = table.Column<string>(type: "TEXT", nullable: false),
                    EndDate = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people_child_allocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_people_child_allocations_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_people_child_allocations_PartnershipId_PersonId",
                table: "people_child_allocations",
                columns: new[] { "PartnershipId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_people_child_allocations_PartnershipId_WorkerUserId",
                table: "people_child_allocations",
                columns: new[] { "PartnershipId", "WorkerUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_people_child_allocations_PersonId",
                table: "people_child_allocations",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "people_child_allocations");
        }
    }
}
