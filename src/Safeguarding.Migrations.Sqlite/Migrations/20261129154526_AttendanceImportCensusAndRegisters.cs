using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AttendanceImportCensusAndRegisters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LastSchoolUrn",
                table: "learners_register_entries",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "learners_register_entries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "learners_school_census",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AcademicYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Urn = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CensusDate = table.Column<string>(type: "TEXT", nullable: false),
                    Headcount = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learners_school_census", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learners_school_census_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_learners_school_census_PartnershipId_AcademicYear_Urn",
                table: "learners_school_census",
                columns: new[] { "PartnershipId", "AcademicYear", "Urn" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learners_school_census");

            migrationBuilder.DropColumn(
                name: "LastSchoolUrn",
                table: "learners_register_entries");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "learners_register_entries");
        }
    }
}
