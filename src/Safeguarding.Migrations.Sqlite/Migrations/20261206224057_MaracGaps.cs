using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MaracGaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "HeardAt",
                table: "domestic_abuse_marac_referrals",
                type: "INTEGER",
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
