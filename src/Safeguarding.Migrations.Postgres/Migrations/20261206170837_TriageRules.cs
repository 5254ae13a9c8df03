using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TriageRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing partnerships get the published young people's numbers and the victim-only repeat rule.
            migrationBuilder.AddColumn<Guid>(
                name: "PersonCausingHarmPersonId",
                table: "domestic_abuse_triage_decisions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ProfessionalJudgement",
                table: "domestic_abuse_triage_decisions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ProfessionalJudgementReason",
                table: "domestic_abuse_triage_decisions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RepeatMaracRule",
                table: "domestic_abuse_settings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "Victim");

            migrationBuilder.AddColumn<int>(
                name: "YoungPeopleEscalationCount",
                table: "domestic_abuse_settings",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<int>(
                name: "YoungPeopleEscalationWindowMonths",
                table: "domestic_abuse_settings",
                type: "integer",
                nullable: false,
                defaultValue: 12);

            migrationBuilder.AddColumn<int>(
                name: "YoungPeopleVisibleHighRisk",
                table: "domestic_abuse_settings",
                type: "integer",
                nullable: false,
                defaultValue: 14);

            migrationBuilder.AddColumn<string>(
                name: "ProfessionalJudgementReason",
                table: "domestic_abuse_marac_referrals",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PersonCausingHarmPersonId",
                table: "domestic_abuse_triage_decisions");

            migrationBuilder.DropColumn(
                name: "ProfessionalJudgement",
                table: "domestic_abuse_triage_decisions");

            migrationBuilder.DropColumn(
                name: "ProfessionalJudgementReason",
                table: "domestic_abuse_triage_decisions");

            migrationBuilder.DropColumn(
                name: "RepeatMaracRule",
                table: "domestic_abuse_settings");

            migrationBuilder.DropColumn(
                name: "YoungPeopleEscalationCount",
                table: "domestic_abuse_settings");

            migrationBuilder.DropColumn(
                name: "YoungPeopleEscalationWindowMonths",
                table: "domestic_abuse_settings");

            migrationBuilder.DropColumn(
                name: "YoungPeopleVisibleHighRisk",
                table: "domestic_abuse_settings");

            migrationBuilder.DropColumn(
                name: "ProfessionalJudgementReason",
                table: "domestic_abuse_marac_referrals");
        }
    }
}
