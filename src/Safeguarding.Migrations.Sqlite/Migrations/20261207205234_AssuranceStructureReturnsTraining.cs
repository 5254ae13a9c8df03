using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AssuranceStructureReturnsTraining : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assurance_campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Starts = table.Column<string>(type: "TEXT", nullable: false),
                    Ends = table.Column<string>(type: "TEXT", nullable: false),
                    DaysOfAction = table.Column<int>(type: "INTEGER", nullable: false),
                    Reach = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assurance_courses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Mandatory = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_courses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assurance_partners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Lead = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_partners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assurance_partners_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assurance_priorities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Aim = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_priorities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assurance_question_sets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Scale = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_question_sets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assurance_sub_groups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Chair = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MemberOrganisationIds = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_sub_groups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "assurance_training_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<string>(type: "TEXT", nullable: false),
                    PlacesOffered = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_training_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assurance_training_sessions_assurance_courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "assurance_courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assurance_questions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionSetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assurance_questions_assurance_question_sets_QuestionSetId",
                        column: x => x.QuestionSetId,
                        principalTable: "assurance_question_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assurance_return_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionSetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubGroupId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Due = table.Column<string>(type: "TEXT", nullable: false),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AskedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_return_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assurance_return_requests_assurance_question_sets_QuestionSetId",
                        column: x => x.QuestionSetId,
                        principalTable: "assurance_question_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_assurance_return_requests_assurance_sub_groups_SubGroupId",
                        column: x => x.SubGroupId,
                        principalTable: "assurance_sub_groups",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "assurance_work_plan_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubGroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PriorityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Due = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NotProgressedReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StatusChangedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_work_plan_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assurance_work_plan_actions_assurance_priorities_PriorityId",
                        column: x => x.PriorityId,
                        principalTable: "assurance_priorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_assurance_work_plan_actions_assurance_sub_groups_SubGroupId",
                        column: x => x.SubGroupId,
                        principalTable: "assurance_sub_groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assurance_session_evaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConfidenceBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfidenceAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_session_evaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assurance_session_evaluations_assurance_training_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "assurance_training_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assurance_session_places",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Taken = table.Column<int>(type: "INTEGER", nullable: false),
                    Attended = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_session_places", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assurance_session_places_assurance_training_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "assurance_training_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_assurance_session_places_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assurance_returns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OverdueReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_returns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assurance_returns_assurance_return_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "assurance_return_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_assurance_returns_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assurance_return_answers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReturnId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SelfGrade = table.Column<int>(type: "INTEGER", nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SubGroupGrade = table.Column<int>(type: "INTEGER", nullable: true),
                    Challenge = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ChallengedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Response = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RespondedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assurance_return_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assurance_return_answers_assurance_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "assurance_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_assurance_return_answers_assurance_returns_ReturnId",
                        column: x => x.ReturnId,
                        principalTable: "assurance_returns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assurance_campaigns_PartnershipId_Starts",
                table: "assurance_campaigns",
                columns: new[] { "PartnershipId", "Starts" });

            migrationBuilder.CreateIndex(
                name: "IX_assurance_courses_PartnershipId",
                table: "assurance_courses",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_assurance_partners_OrganisationId",
                table: "assurance_partners",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_assurance_partners_PartnershipId_Kind",
                table: "assurance_partners",
                columns: new[] { "PartnershipId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assurance_priorities_PartnershipId_Year_Order",
                table: "assurance_priorities",
                columns: new[] { "PartnershipId", "Year", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_assurance_question_sets_PartnershipId_Key_Version",
                table: "assurance_question_sets",
                columns: new[] { "PartnershipId", "Key", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assurance_questions_QuestionSetId_Number",
                table: "assurance_questions",
                columns: new[] { "QuestionSetId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assurance_return_answers_QuestionId",
                table: "assurance_return_answers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_assurance_return_answers_ReturnId_QuestionId",
                table: "assurance_return_answers",
                columns: new[] { "ReturnId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assurance_return_requests_PartnershipId_Due",
                table: "assurance_return_requests",
                columns: new[] { "PartnershipId", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_assurance_return_requests_QuestionSetId",
                table: "assurance_return_requests",
                column: "QuestionSetId");

            migrationBuilder.CreateIndex(
                name: "IX_assurance_return_requests_SubGroupId",
                table: "assurance_return_requests",
                column: "SubGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_assurance_returns_OrganisationId",
                table: "assurance_returns",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_assurance_returns_PartnershipId_OrganisationId_Status",
                table: "assurance_returns",
                columns: new[] { "PartnershipId", "OrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_assurance_returns_RequestId_OrganisationId",
                table: "assurance_returns",
                columns: new[] { "RequestId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assurance_session_evaluations_SessionId",
                table: "assurance_session_evaluations",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_assurance_session_places_OrganisationId",
                table: "assurance_session_places",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_assurance_session_places_SessionId_OrganisationId",
                table: "assurance_session_places",
                columns: new[] { "SessionId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assurance_sub_groups_PartnershipId_Name",
                table: "assurance_sub_groups",
                columns: new[] { "PartnershipId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assurance_training_sessions_CourseId",
                table: "assurance_training_sessions",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_assurance_training_sessions_PartnershipId_Date",
                table: "assurance_training_sessions",
                columns: new[] { "PartnershipId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_assurance_work_plan_actions_PartnershipId_PriorityId",
                table: "assurance_work_plan_actions",
                columns: new[] { "PartnershipId", "PriorityId" });

            migrationBuilder.CreateIndex(
                name: "IX_assurance_work_plan_actions_PriorityId",
                table: "assurance_work_plan_actions",
                column: "PriorityId");

            migrationBuilder.CreateIndex(
                name: "IX_assurance_work_plan_actions_SubGroupId",
                table: "assurance_work_plan_actions",
                column: "SubGroupId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assurance_campaigns");

            migrationBuilder.DropTable(
                name: "assurance_partners");

            migrationBuilder.DropTable(
                name: "assurance_return_answers");

            migrationBuilder.DropTable(
                name: "assurance_session_evaluations");

            migrationBuilder.DropTable(
                name: "assurance_session_places");

            migrationBuilder.DropTable(
                name: "assurance_work_plan_actions");

            migrationBuilder.DropTable(
                name: "assurance_questions");

            migrationBuilder.DropTable(
                name: "assurance_returns");

            migrationBuilder.DropTable(
                name: "assurance_training_sessions");

            migrationBuilder.DropTable(
                name: "assurance_priorities");

            migrationBuilder.DropTable(
                name: "assurance_return_requests");

            migrationBuilder.DropTable(
                name: "assurance_courses");

            migrationBuilder.DropTable(
                name: "assurance_question_sets");

            migrationBuilder.DropTable(
                name: "assurance_sub_groups");
        }
    }
}
