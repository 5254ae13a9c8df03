using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkerUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamManagerUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceManagerUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartDate = table.Column<LocalDate>(type: "date", nullable: false),
                    EndDate = table.Column<LocalDate>(type: "date", nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
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
