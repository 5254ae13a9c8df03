using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EncompassDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "encompass_escalation_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NotificationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DoneByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_encompass_escalation_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_encompass_escalation_tasks_encompass_notifications_NotificationId",
                        column: x => x.NotificationId,
                        principalTable: "encompass_notifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_encompass_escalation_tasks_platform_organisations_RecipientOrganisationId",
                        column: x => x.RecipientOrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_encompass_escalation_tasks_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Destination = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    DeliveryKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    About = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AboutId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimToken = table.Column<Guid>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_outbox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_outbox_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_webhook_subscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Secret = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_webhook_subscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_webhook_subscriptions_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_platform_webhook_subscriptions_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_encompass_escalation_tasks_NotificationId",
                table: "encompass_escalation_tasks",
                column: "NotificationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_encompass_escalation_tasks_PartnershipId_DoneAt_Deadline",
                table: "encompass_escalation_tasks",
                columns: new[] { "PartnershipId", "DoneAt", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_encompass_escalation_tasks_RecipientOrganisationId",
                table: "encompass_escalation_tasks",
                column: "RecipientOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_outbox_AboutId",
                table: "platform_outbox",
                column: "AboutId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_outbox_DeliveryKey",
                table: "platform_outbox",
                column: "DeliveryKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_outbox_PartnershipId_Status",
                table: "platform_outbox",
                columns: new[] { "PartnershipId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_outbox_Status_NextAttemptAt",
                table: "platform_outbox",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_webhook_subscriptions_OrganisationId",
                table: "platform_webhook_subscriptions",
                column: "OrganisationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_webhook_subscriptions_PartnershipId",
                table: "platform_webhook_subscriptions",
                column: "PartnershipId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "encompass_escalation_tasks");

            migrationBuilder.DropTable(
                name: "platform_outbox");

            migrationBuilder.DropTable(
                name: "platform_webhook_subscriptions");
        }
    }
}
