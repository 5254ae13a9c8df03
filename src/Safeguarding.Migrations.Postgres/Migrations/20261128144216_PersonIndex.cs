using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Safeguarding.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PersonIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "people_linkage_settings",
                columns: table => new
                {
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    UpperThreshold = table.Column<double>(type: "double precision", nullable: false),
                    LowerThreshold = table.Column<double>(type: "double precision", nullable: false),
                    ModelJson = table.Column<string>(type: "text", nullable: true),
                    ModelTrainedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people_linkage_settings", x => x.PartnershipId);
                    table.ForeignKey(
                        name: "FK_people_linkage_settings_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "people_merges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    KeptPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    MergedPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    MovedSourceRecordIds = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    UndoReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UndoneByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    UndoneAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people_merges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "people_relationships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    RelatedPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people_relationships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_people_relationships_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_people_relationships_people_persons_RelatedPersonId",
                        column: x => x.RelatedPersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "people_source_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SourceSystem = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    LocalId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReceivedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Received = table.Column<string>(type: "text", nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DateOfBirth = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Sex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Postcode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    NhsNumber = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Upn = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MatchProbability = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people_source_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_people_source_records_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_people_source_records_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_idempotent_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Caller = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ResponseBody = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_idempotent_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "people_match_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    SourceRecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    CandidatePersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatchProbability = table.Column<double>(type: "double precision", nullable: false),
                    MatchWeight = table.Column<double>(type: "double precision", nullable: false),
                    HeldBecause = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Evidence = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Decision = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people_match_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_people_match_reviews_people_persons_CandidatePersonId",
                        column: x => x.CandidatePersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_people_match_reviews_people_source_records_SourceRecordId",
                        column: x => x.SourceRecordId,
                        principalTable: "people_source_records",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_people_match_reviews_CandidatePersonId",
                table: "people_match_reviews",
                column: "CandidatePersonId");

            migrationBuilder.CreateIndex(
                name: "IX_people_match_reviews_PartnershipId_DecidedAt",
                table: "people_match_reviews",
                columns: new[] { "PartnershipId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_people_match_reviews_SourceRecordId",
                table: "people_match_reviews",
                column: "SourceRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_people_merges_KeptPersonId",
                table: "people_merges",
                column: "KeptPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_people_merges_MergedPersonId",
                table: "people_merges",
                column: "MergedPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_people_relationships_PersonId_Kind",
                table: "people_relationships",
                columns: new[] { "PersonId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_people_relationships_RelatedPersonId",
                table: "people_relationships",
                column: "RelatedPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_OrganisationId",
                table: "people_source_records",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_PartnershipId_DateOfBirth",
                table: "people_source_records",
                columns: new[] { "PartnershipId", "DateOfBirth" });

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_PartnershipId_FamilyName",
                table: "people_source_records",
                columns: new[] { "PartnershipId", "FamilyName" });

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_PartnershipId_NhsNumber",
                table: "people_source_records",
                columns: new[] { "PartnershipId", "NhsNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_PartnershipId_OrganisationId_SourceSy~",
                table: "people_source_records",
                columns: new[] { "PartnershipId", "OrganisationId", "SourceSystem", "LocalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_PartnershipId_Postcode",
                table: "people_source_records",
                columns: new[] { "PartnershipId", "Postcode" });

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_PersonId",
                table: "people_source_records",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_idempotent_requests_Caller_Key",
                table: "platform_idempotent_requests",
                columns: new[] { "Caller", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "people_linkage_settings");

            migrationBuilder.DropTable(
                name: "people_match_reviews");

            migrationBuilder.DropTable(
                name: "people_merges");

            migrationBuilder.DropTable(
                name: "people_relationships");

            migrationBuilder.DropTable(
                name: "platform_idempotent_requests");

            migrationBuilder.DropTable(
                name: "people_source_records");
        }
    }
}
