using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SignIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Instant>(
                name: "EnrolmentExpiresAt",
                table: "platform_users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnrolmentTokenHash",
                table: "platform_users",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastAuthenticatorStep",
                table: "platform_users",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "platform_role_change_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Roles = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RequestedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    Approved = table.Column<bool>(type: "boolean", nullable: true)
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
