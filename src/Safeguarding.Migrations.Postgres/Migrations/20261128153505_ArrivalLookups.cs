using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ArrivalLookups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_people_source_records_PartnershipId_FamilyName",
                table: "people_source_records");

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_PartnershipId_FamilyName_DateOfBirth",
                table: "people_source_records",
                columns: new[] { "PartnershipId", "FamilyName", "DateOfBirth" });

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_PartnershipId_Upn",
                table: "people_source_records",
                columns: new[] { "PartnershipId", "Upn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_people_source_records_PartnershipId_FamilyName_DateOfBirth",
                table: "people_source_records");

            migrationBuilder.DropIndex(
                name: "IX_people_source_records_PartnershipId_Upn",
                table: "people_source_records");

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_PartnershipId_FamilyName",
                table: "people_source_records",
                columns: new[] { "PartnershipId", "FamilyName" });
        }
    }
}
