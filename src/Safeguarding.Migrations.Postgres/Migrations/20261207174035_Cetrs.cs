using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Cetrs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<LocalDate>(
                name: "ReferralEscalatedDue",
                table: "support_register_entries",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PanelRole",
                table: "meetings_attendees",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "support_register_admissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    AdmittedOn = table.Column<LocalDate>(type: "date", nullable: false),
                    Hospital = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CommunityCetrHeldBefore = table.Column<bool>(type: "boolean", nullable: false),
                    EmergencyProtocolMeetingHeldBefore = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    PlannedDischargeOn = table.Column<LocalDate>(type: "date", nullable: true),
                    DischargedOn = table.Column<LocalDate>(type: "date", nullable: true),
                    DischargeRecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    DischargeRecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_register_admissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_register_admissions_support_register_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "support_register_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_register_cetr_settings",
                columns: table => new
                {
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    PostAdmissionWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    InpatientMonths = table.Column<int>(type: "integer", nullable: false),
                    ChangedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ChangedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_register_cetr_settings", x => x.PartnershipId);
                });

            migrationBuilder.CreateTable(
                name: "support_register_cetrs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AdmissionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Due = table.Column<LocalDate>(type: "date", nullable: true),
                    SeriesId = table.Column<Guid>(type: "uuid", nullable: true),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: true),
                    HeldOn = table.Column<LocalDate>(type: "date", nullable: true),
                    ClosedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    EscalatedDue = table.Column<LocalDate>(type: "date", nullable: true),
                    EscalatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_register_cetrs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_register_cetrs_meetings_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings_meetings",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_support_register_cetrs_meetings_series_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "meetings_series",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_support_register_cetrs_support_register_admissions_Admissio~",
                        column: x => x.AdmissionId,
                        principalTable: "support_register_admissions",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_support_register_cetrs_support_register_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "support_register_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_register_root_cause_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    AdmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    WasOnRegister = table.Column<bool>(type: "boolean", nullable: true),
                    WhyNoCommunityCetr = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    WhatWouldHavePrevented = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Learning = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CompletedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    CompletedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_register_root_cause_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_register_root_cause_reviews_support_register_admiss~",
                        column: x => x.AdmissionId,
                        principalTable: "support_register_admissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_register_cetr_referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryId = table.Column<Guid>(type: "uuid", nullable: false),
                    WhyNow = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    WhatTried = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FamilyView = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RedSince = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    ReferralDue = table.Column<LocalDate>(type: "date", nullable: true),
                    ReferredAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    ReferredByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReferredByOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CetrId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_register_cetr_referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_register_cetr_referrals_support_register_cetrs_Cetr~",
                        column: x => x.CetrId,
                        principalTable: "support_register_cetrs",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_support_register_cetr_referrals_support_register_entries_En~",
                        column: x => x.EntryId,
                        principalTable: "support_register_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_support_register_admissions_EntryId",
                table: "support_register_admissions",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_support_register_admissions_PartnershipId_AdmittedOn",
                table: "support_register_admissions",
                columns: new[] { "PartnershipId", "AdmittedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_support_register_cetr_referrals_CetrId",
                table: "support_register_cetr_referrals",
                column: "CetrId");

            migrationBuilder.CreateIndex(
                name: "IX_support_register_cetr_referrals_EntryId",
                table: "support_register_cetr_referrals",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_support_register_cetr_referrals_PartnershipId_CetrId",
                table: "support_register_cetr_referrals",
                columns: new[] { "PartnershipId", "CetrId" });

            migrationBuilder.CreateIndex(
                name: "IX_support_register_cetrs_AdmissionId",
                table: "support_register_cetrs",
                column: "AdmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_support_register_cetrs_EntryId",
                table: "support_register_cetrs",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_support_register_cetrs_MeetingId",
                table: "support_register_cetrs",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_support_register_cetrs_PartnershipId_HeldOn_ClosedAt_Due",
                table: "support_register_cetrs",
                columns: new[] { "PartnershipId", "HeldOn", "ClosedAt", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_support_register_cetrs_SeriesId",
                table: "support_register_cetrs",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_support_register_root_cause_reviews_AdmissionId",
                table: "support_register_root_cause_reviews",
                column: "AdmissionId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "support_register_cetr_referrals");

            migrationBuilder.DropTable(
                name: "support_register_cetr_settings");

            migrationBuilder.DropTable(
                name: "support_register_root_cause_reviews");

            migrationBuilder.DropTable(
                name: "support_register_cetrs");

            migrationBuilder.DropTable(
                name: "support_register_admissions");

            migrationBuilder.DropColumn(
                name: "ReferralEscalatedDue",
                table: "support_register_entries");

            migrationBuilder.DropColumn(
                name: "PanelRole",
                table: "meetings_attendees");
        }
    }
}
