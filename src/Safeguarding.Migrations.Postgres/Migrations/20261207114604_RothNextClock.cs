using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedReason",
                table: "exploitation_roth_cases",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedReasonText",
                table: "exploitation_roth_cases",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<LocalDate>(
                name: "NextClockDue",
                table: "exploitation_roth_cases",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextClockKind",
                table: "exploitation_roth_cases",
                type: "character varying(64)",
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
