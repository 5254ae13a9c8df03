using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AssuranceReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assurance_audit_tool_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToolName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Questions = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_audit_tool_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assurance_practice_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    AwareOn = table.Column<LocalDate>(type: "date", nullable: false),
                    NotificationDue = table.Column<LocalDate>(type: "date", nullable: false),
                    NotifiedOn = table.Column<LocalDate>(type: "date", nullable: true),
                    RapidReviewDue = table.Column<LocalDate>(type: "date", nullable: true),
                    RapidReviewOn = table.Column<LocalDate>(type: "date", nullable: true),
                    Decision = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    TermsOfReference = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Timeline = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Reviewer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PublishedOn = table.Column<LocalDate>(type: "date", nullable: true),
                    PublicationLink = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_practice_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assurance_practice_reviews_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assurance_voice_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Project = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    GivenOn = table.Column<LocalDate>(type: "date", nullable: false),
                    AgreedToShare = table.Column<bool>(type: "boolean", nullable: false),
                    SharedWords = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedByOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_voice_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assurance_voice_themes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_voice_themes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assurance_case_audits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ToolVersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Criteria = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PeriodFrom = table.Column<LocalDate>(type: "date", nullable: false),
                    PeriodTo = table.Column<LocalDate>(type: "date", nullable: false),
                    SampleSize = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<int>(type: "integer", nullable: false),
                    OpensOn = table.Column<LocalDate>(type: "date", nullable: false),
                    ClosesOn = table.Column<LocalDate>(type: "date", nullable: false),
                    LeadUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    SampledAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_case_audits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assurance_case_audits_assurance_audit_tool_versions_ToolVer~",
                        column: x => x.ToolVersionId,
                        principalTable: "assurance_audit_tool_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assurance_review_recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Due = table.Column<LocalDate>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DoneOn = table.Column<LocalDate>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_review_recommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assurance_review_recommendations_assurance_practice_reviews~",
                        column: x => x.ReviewId,
                        principalTable: "assurance_practice_reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assurance_voice_item_themes",
                columns: table => new
                {
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    ThemeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_voice_item_themes", x => new { x.ItemId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_assurance_voice_item_themes_assurance_voice_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "assurance_voice_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_assurance_voice_item_themes_assurance_voice_themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "assurance_voice_themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assurance_audited_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuditId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    SourceType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Grade = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LearningPoints = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    GradedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    GradedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_audited_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assurance_audited_cases_assurance_case_audits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "assurance_case_audits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_assurance_audited_cases_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assurance_case_auditors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AuditId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    NamedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    RemovedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_case_auditors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assurance_case_auditors_assurance_case_audits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "assurance_case_audits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assurance_audit_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Due = table.Column<LocalDate>(type: "date", nullable: false),
                    DoneOn = table.Column<LocalDate>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_audit_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assurance_audit_actions_assurance_audited_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "assurance_audited_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assurance_audit_answers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Question = table.Column<int>(type: "integer", nullable: false),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AnsweredByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    AnsweredAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_audit_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assurance_audit_answers_assurance_audited_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "assurance_audited_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assurance_audit_actions_CaseId",
                table: "assurance_audit_actions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_assurance_audit_actions_PartnershipId_Due",
                table: "assurance_audit_actions",
                columns: new[] { "PartnershipId", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_assurance_audit_answers_CaseId_OrganisationId_Question",
                table: "assurance_audit_answers",
                columns: new[] { "CaseId", "OrganisationId", "Question" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assurance_audit_tool_versions_PartnershipId_ToolName_Version",
                table: "assurance_audit_tool_versions",
                columns: new[] { "PartnershipId", "ToolName", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assurance_audited_cases_AuditId_Position",
                table: "assurance_audited_cases",
                columns: new[] { "AuditId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_assurance_audited_cases_PersonId",
                table: "assurance_audited_cases",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_assurance_case_auditors_AuditId",
                table: "assurance_case_auditors",
                column: "AuditId");

            migrationBuilder.CreateIndex(
                name: "IX_assurance_case_auditors_UserId_AuditId",
                table: "assurance_case_auditors",
                columns: new[] { "UserId", "AuditId" });

            migrationBuilder.CreateIndex(
                name: "IX_assurance_case_audits_PartnershipId_OpensOn",
                table: "assurance_case_audits",
                columns: new[] { "PartnershipId", "OpensOn" });

            migrationBuilder.CreateIndex(
                name: "IX_assurance_case_audits_ToolVersionId",
                table: "assurance_case_audits",
                column: "ToolVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_assurance_practice_reviews_PartnershipId_AwareOn",
                table: "assurance_practice_reviews",
                columns: new[] { "PartnershipId", "AwareOn" });

            migrationBuilder.CreateIndex(
                name: "IX_assurance_practice_reviews_PersonId",
                table: "assurance_practice_reviews",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_assurance_review_recommendations_PartnershipId_Status_Due",
                table: "assurance_review_recommendations",
                columns: new[] { "PartnershipId", "Status", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_assurance_review_recommendations_ReviewId",
                table: "assurance_review_recommendations",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_assurance_voice_item_themes_ThemeId",
                table: "assurance_voice_item_themes",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_assurance_voice_items_PartnershipId_GivenOn",
                table: "assurance_voice_items",
                columns: new[] { "PartnershipId", "GivenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_assurance_voice_themes_PartnershipId_Name",
                table: "assurance_voice_themes",
                columns: new[] { "PartnershipId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assurance_audit_actions");

            migrationBuilder.DropTable(
                name: "assurance_audit_answers");

            migrationBuilder.DropTable(
                name: "assurance_case_auditors");

            migrationBuilder.DropTable(
                name: "assurance_review_recommendations");

            migrationBuilder.DropTable(
                name: "assurance_voice_item_themes");

            migrationBuilder.DropTable(
                name: "assurance_audited_cases");

            migrationBuilder.DropTable(
                name: "assurance_practice_reviews");

            migrationBuilder.DropTable(
                name: "assurance_voice_items");

            migrationBuilder.DropTable(
                name: "assurance_voice_themes");

            migrationBuilder.DropTable(
                name: "assurance_case_audits");

            migrationBuilder.DropTable(
                name: "assurance_audit_tool_versions");
        }
    }
}
