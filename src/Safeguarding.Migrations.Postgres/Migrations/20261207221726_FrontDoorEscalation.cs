using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FrontDoorEscalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Instant>(
                name: "AssessmentEscalatedAt",
                table: "front_door_contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Instant>(
                name: "DecisionEscalatedAt",
                table: "front_door_contacts",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AssessmentEscalatedAt",
                table: "front_door_contacts");

            migrationBuilder.DropColumn(
                name: "DecisionEscalatedAt",
                table: "front_door_contacts");
        }
    }
}
