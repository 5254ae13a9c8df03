using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FrontDoorEscalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AssessmentEscalatedAt",
                table: "front_door_contacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DecisionEscalatedAt",
                table: "front_door_contacts",
                type: "INTEGER",
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
