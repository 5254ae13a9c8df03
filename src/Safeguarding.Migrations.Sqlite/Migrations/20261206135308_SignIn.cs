using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SignIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EnrolmentExpiresAt",
                table: "platform_users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnrolmentTokenHash",
                table: "platform_users",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastAuthenticatorStep",
                table: "platform_users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "platform_role_change_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Roles = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Approved = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_role_change_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_role_change_requests_platform_users_UserId",
                        column: x => x.UserId,
                        principalTable: "platform_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_platform_role_change_requests_PartnershipId_DecidedAt",
                table: "platform_role_change_requests",
                columns: new[] { "PartnershipId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_role_change_requests_UserId",
                table: "platform_role_change_requests",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "platform_role_change_requests");

            migrationBuilder.DropColumn(
                name: "EnrolmentExpiresAt",
                table: "platform_users");

            migrationBuilder.DropColumn(
                name: "EnrolmentTokenHash",
                table: "platform_users");

            migrationBuilder.DropColumn(
                name: "LastAuthenticatorStep",
                table: "platform_users");
        }
    }
}
