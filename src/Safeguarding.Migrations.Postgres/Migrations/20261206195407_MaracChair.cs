using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MaracChair : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CasesPerMeeting",
                table: "meetings_series",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OwnerUserId",
                table: "meetings_actions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "meetings_series_representatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SeriesId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings_series_representatives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meetings_series_representatives_meetings_series_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "meetings_series",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meetings_series_representatives_platform_organisations_Orga~",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_meetings_series_representatives_platform_users_UserId",
                        column: x => x.UserId,
                        principalTable: "platform_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_meetings_actions_OwnerUserId",
                table: "meetings_actions",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_series_representatives_OrganisationId",
                table: "meetings_series_representatives",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_series_representatives_SeriesId_UserId",
                table: "meetings_series_representatives",
                columns: new[] { "SeriesId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_meetings_series_representatives_UserId",
                table: "meetings_series_representatives",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_meetings_actions_platform_users_OwnerUserId",
                table: "meetings_actions",
                column: "OwnerUserId",
                principalTable: "platform_users",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_meetings_actions_platform_users_OwnerUserId",
                table: "meetings_actions");

            migrationBuilder.DropTable(
                name: "meetings_series_representatives");

            migrationBuilder.DropIndex(
                name: "IX_meetings_actions_OwnerUserId",
                table: "meetings_actions");

            migrationBuilder.DropColumn(
                name: "CasesPerMeeting",
                table: "meetings_series");

            migrationBuilder.DropColumn(
                name: "OwnerUserId",
                table: "meetings_actions");
        }
    }
}
