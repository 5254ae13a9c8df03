using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Cetrs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReferralEscalatedDue",
                table: "support_register_entries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PanelRole",
                table: "meetings_attendees",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "support_register_admissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdmittedOn = table.Column<string>(type: "TEXT", nullable: false),
                    Hospital = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CommunityCetrHeldBefore = table.Column<bool>(type: "INTEGER", nullable: false),
                    EmergencyProtocolMeetingHeldBefore = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PlannedDischargeOn = table.Column<string>(type: "TEXT", nullable: true),
                    DischargedOn = table.Column<string>(type: "TEXT", nullable: true),
                    DischargeRecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DischargeRecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
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
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostAdmissionWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    InpatientMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ChangedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_register_cetr_settings", x => x.PartnershipId);
                });

            migrationBuilder.CreateTable(
                name: "support_register_cetrs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AdmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Due = table.Column<string>(type: "TEXT", nullable: true),
                    SeriesId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HeldOn = table.Column<string>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EscalatedDue = table.Column<string>(type: "TEXT", nullable: true),
                    EscalatedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                        name: "FK_support_register_cetrs_support_register_admissions_AdmissionId",
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WasOnRegister = table.Column<bool>(type: "INTEGER", nullable: true),
                    WhyNoCommunityCetr = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    WhatWouldHavePrevented = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Learning = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_register_root_cause_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_register_root_cause_reviews_support_register_admissions_AdmissionId",
                        column: x => x.AdmissionId,
                        principalTable: "support_register_admissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_register_cetr_referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WhyNow = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WhatTried = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FamilyView = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RedSince = table.Column<long>(type: "INTEGER", nullable: true),
                    ReferralDue = table.Column<string>(type: "TEXT", nullable: true),
                    ReferredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReferredByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReferredByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CetrId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_register_cetr_referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_register_cetr_referrals_support_register_cetrs_CetrId",
                        column: x => x.CetrId,
                        principalTable: "support_register_cetrs",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_support_register_cetr_referrals_support_register_entries_EntryId",
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
