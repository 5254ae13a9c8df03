using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LearnersAttendance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "learners_enrolments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AcademicYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Upn = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Urn = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DateOfBirth = table.Column<string>(type: "TEXT", nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    YearGroup = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    SenProvision = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    SenPrimaryNeed = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    Fsm = table.Column<bool>(type: "INTEGER", nullable: false),
                    Sessions = table.Column<byte[]>(type: "BLOB", maxLength: 1024, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learners_enrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learners_enrolments_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learners_suspensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AcademicYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Upn = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Urn = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartDate = table.Column<string>(type: "TEXT", nullable: false),
                    Sessions = table.Column<int>(type: "INTEGER", nullable: false),
                    Permanent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learners_suspensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learners_suspensions_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learners_mark_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<string>(type: "TEXT", nullable: false),
                    Session = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    OldCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    NewCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learners_mark_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learners_mark_changes_learners_enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "learners_enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_learners_enrolments_PartnershipId_AcademicYear_Upn_Urn",
                table: "learners_enrolments",
                columns: new[] { "PartnershipId", "AcademicYear", "Upn", "Urn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learners_enrolments_PartnershipId_AcademicYear_Urn",
                table: "learners_enrolments",
                columns: new[] { "PartnershipId", "AcademicYear", "Urn" });

            migrationBuilder.CreateIndex(
                name: "IX_learners_enrolments_PersonId",
                table: "learners_enrolments",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_learners_mark_changes_EnrolmentId_Date",
                table: "learners_mark_changes",
                columns: new[] { "EnrolmentId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_learners_suspensions_PartnershipId_AcademicYear_Upn_Urn_StartDate_Permanent",
                table: "learners_suspensions",
                columns: new[] { "PartnershipId", "AcademicYear", "Upn", "Urn", "StartDate", "Permanent" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learners_suspensions_PersonId",
                table: "learners_suspensions",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learners_mark_changes");

            migrationBuilder.DropTable(
                name: "learners_suspensions");

            migrationBuilder.DropTable(
                name: "learners_enrolments");
        }
    }
}
