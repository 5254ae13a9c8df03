using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RothNextClock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ClosedByUserId",
                table: "exploitation_roth_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedReason",
                table: "exploitation_roth_cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedReasonText",
                table: "exploitation_roth_cases",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextClockDue",
                table: "exploitation_roth_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextClockKind",
                table: "exploitation_roth_cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_exploitation_roth_cases_PartnershipId_ClosedAt_NextClockDue",
                table: "exploitation_roth_cases",
                columns: new[] { "PartnershipId", "ClosedAt", "NextClockDue" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_exploitation_roth_cases_PartnershipId_ClosedAt_NextClockDue",
                table: "exploitation_roth_cases");

            migrationBuilder.DropColumn(
                name: "ClosedByUserId",
                table: "exploitation_roth_cases");

            migrationBuilder.DropColumn(
                name: "ClosedReason",
                table: "exploitation_roth_cases");

            migrationBuilder.DropColumn(
                name: "ClosedReasonText",
                table: "exploitation_roth_cases");

            migrationBuilder.DropColumn(
                name: "NextClockDue",
                table: "exploitation_roth_cases");

            migrationBuilder.DropColumn(
                name: "NextClockKind",
                table: "exploitation_roth_cases");
        }
    }
}
