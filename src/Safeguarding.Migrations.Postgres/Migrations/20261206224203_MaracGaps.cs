using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MaracGaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Instant>(
                name: "HeardAt",
                table: "domestic_abuse_marac_referrals",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HeardAt",
                table: "domestic_abuse_marac_referrals");
        }
    }
}
