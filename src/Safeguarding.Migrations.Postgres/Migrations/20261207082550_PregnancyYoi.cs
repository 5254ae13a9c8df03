using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PregnancyYoi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exploitation_maternity_bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrustOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    BookingReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BookingDate = table.Column<LocalDate>(type: "date", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExpectedDeliveryDate = table.Column<LocalDate>(type: "date", nullable: false),
                    ScreeningDueDate = table.Column<LocalDate>(type: "date", nullable: false),
                    ReceivedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Received = table.Column<string>(type: "text", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ScreeningId = table.Column<Guid>(type: "uuid", nullable: true),
                    ScreenedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ScreenedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    SocialWorkReferredAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    SocialWorkReferralReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SocialWorkTakenAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    SocialWorkTakenByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_maternity_bookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exploitation_maternity_bookings_exploitation_screenings_Scr~",
                        column: x => x.ScreeningId,
                        principalTable: "exploitation_screenings",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_exploitation_maternity_bookings_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_exploitation_maternity_bookings_platform_organisations_Trus~",
                        column: x => x.TrustOrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exploitation_maternity_settings",
                columns: table => new
                {
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScreeningWithinDays = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_maternity_settings", x => x.PartnershipId);
                    table.ForeignKey(
                        name: "FK_exploitation_maternity_settings_platform_partnerships_Partn~",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exploitation_release_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    SeriesId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReleaseDate = table.Column<LocalDate>(type: "date", nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_release_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exploitation_release_plans_meetings_series_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "meetings_series",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_exploitation_release_plans_people_persons_ChildPersonId",
                        column: x => x.ChildPersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exploitation_release_plan_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReleasePlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    DaysBeforeRelease = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exploitation_release_plan_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exploitation_release_plan_actions_exploitation_release_plan~",
                        column: x => x.ReleasePlanId,
                        principalTable: "exploitation_release_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_exploitation_release_plan_actions_meetings_actions_MeetingA~",
                        column: x => x.MeetingActionId,
                        principalTable: "meetings_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_maternity_bookings_PartnershipId_BookingDate",
                table: "exploitation_maternity_bookings",
                columns: new[] { "PartnershipId", "BookingDate" });

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_maternity_bookings_PartnershipId_ScreeningId_S~",
                table: "exploitation_maternity_bookings",
                columns: new[] { "PartnershipId", "ScreeningId", "ScreeningDueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_maternity_bookings_PartnershipId_TrustOrganisa~",
                table: "exploitation_maternity_bookings",
                columns: new[] { "PartnershipId", "TrustOrganisationId", "BookingReference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_maternity_bookings_PersonId",
                table: "exploitation_maternity_bookings",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_maternity_bookings_ScreeningId",
                table: "exploitation_maternity_bookings",
                column: "ScreeningId");

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_maternity_bookings_TrustOrganisationId",
                table: "exploitation_maternity_bookings",
                column: "TrustOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_release_plan_actions_MeetingActionId",
                table: "exploitation_release_plan_actions",
                column: "MeetingActionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_release_plan_actions_ReleasePlanId",
                table: "exploitation_release_plan_actions",
                column: "ReleasePlanId");

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_release_plans_ChildPersonId",
                table: "exploitation_release_plans",
                column: "ChildPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_release_plans_PartnershipId_SeriesId_ChildPers~",
                table: "exploitation_release_plans",
                columns: new[] { "PartnershipId", "SeriesId", "ChildPersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_release_plans_SeriesId",
                table: "exploitation_release_plans",
                column: "SeriesId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exploitation_maternity_bookings");

            migrationBuilder.DropTable(
                name: "exploitation_maternity_settings");

            migrationBuilder.DropTable(
                name: "exploitation_release_plan_actions");

            migrationBuilder.DropTable(
                name: "exploitation_release_plans");
        }
    }
}
