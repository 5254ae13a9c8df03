using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SubGroupChairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ChairUserId",
                table: "assurance_sub_groups",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Remit",
                table: "assurance_sub_groups",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_assurance_sub_groups_ChairUserId",
                table: "assurance_sub_groups",
                column: "ChairUserId");

            migrationBuilder.AddForeignKey(
                name: "FK_assurance_sub_groups_platform_users_ChairUserId",
                table: "assurance_sub_groups",
                column: "ChairUserId",
                principalTable: "platform_users",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_assurance_sub_groups_platform_users_ChairUserId",
                table: "assurance_sub_groups");

            migrationBuilder.DropIndex(
                name: "IX_assurance_sub_groups_ChairUserId",
                table: "assurance_sub_groups");

            migrationBuilder.DropColumn(
                name: "ChairUserId",
                table: "assurance_sub_groups");

            migrationBuilder.DropColumn(
                name: "Remit",
                table: "assurance_sub_groups");
        }
    }
}
