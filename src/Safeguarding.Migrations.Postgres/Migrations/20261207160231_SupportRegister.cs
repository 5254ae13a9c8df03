using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SupportRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "support_register_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Need = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LeadPractitionerUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgenciesInvolved = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Placement = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    KeyRisks = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ProtectiveFactors = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Keyworker = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    SuggestedByOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SuggestedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    SuggestedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    ConsentGivenBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConsentGiverName = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    ConsentGivenOn = table.Column<LocalDate>(type: "date", nullable: true),
                    SharesWithEducation = table.Column<bool>(type: "boolean", nullable: false),
                    SharesWithGp = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentRecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ConsentRecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConsentWithdrawnOn = table.Column<LocalDate>(type: "date", nullable: true),
                    WithdrawalRecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    WithdrawalRecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CurrentRating = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RedSince = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ReferralDue = table.Column<LocalDate>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_register_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_register_entries_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_register_settings",
                columns: table => new
                {
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    ChangedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ChangedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_register_settings", x => x.PartnershipId);
                });

            migrationBuilder.CreateTable(
                name: "support_register_ratings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rating = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Why = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    RatedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    RatedByOrganisationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_register_ratings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_register_ratings_support_register_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "support_register_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_support_register_entries_LeadPractitionerUserId",
                table: "support_register_entries",
                column: "LeadPractitionerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_support_register_entries_PartnershipId_PersonId",
                table: "support_register_entries",
                columns: new[] { "PartnershipId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_support_register_entries_PartnershipId_Status_CurrentRating~",
                table: "support_register_entries",
                columns: new[] { "PartnershipId", "Status", "CurrentRating", "ReferralDue" });

            migrationBuilder.CreateIndex(
                name: "IX_support_register_entries_PersonId",
                table: "support_register_entries",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_support_register_ratings_EntryId_RatedAt",
                table: "support_register_ratings",
                columns: new[] { "EntryId", "RatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "support_register_ratings");

            migrationBuilder.DropTable(
                name: "support_register_settings");

            migrationBuilder.DropTable(
                name: "support_register_entries");
        }
    }
}
