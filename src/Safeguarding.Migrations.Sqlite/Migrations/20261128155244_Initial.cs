using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguarding.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "people_merges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    KeptPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MovedSourceRecordIds = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UndoReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UndoneByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UndoneAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people_merges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_audit_entries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorApiClientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ResourceType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResourceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Process = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FromAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_audit_entries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "platform_audit_head",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    LastHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_audit_head", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_break_glass_accesses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResourceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    GrantedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_break_glass_accesses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_idempotent_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Caller = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ResponseBody = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_idempotent_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_partnerships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_partnerships", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "people_households",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people_households", x => x.Id);
                    table.ForeignKey(
                        name: "FK_people_households_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "people_linkage_settings",
                columns: table => new
                {
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpperThreshold = table.Column<double>(type: "REAL", nullable: false),
                    LowerThreshold = table.Column<double>(type: "REAL", nullable: false),
                    ModelJson = table.Column<string>(type: "TEXT", nullable: true),
                    ModelTrainedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                name: "platform_organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Urn = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    OdsCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    PoliceForceCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_organisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_organisations_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "people_persons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: true),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<string>(type: "TEXT", nullable: true),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NhsNumber = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Upn = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    IsSealed = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MergedIntoPersonId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people_persons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_people_persons_people_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "people_households",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_people_persons_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_api_clients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Scopes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_api_clients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_api_clients_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_platform_api_clients_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_users",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDisabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_users", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_users_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_platform_users_platform_partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "platform_partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "people_person_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    From = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people_person_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_people_person_links_people_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people_persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_people_person_links_platform_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "platform_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "people_relationships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RelatedPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceSystem = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    LocalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Received = table.Column<string>(type: "TEXT", nullable: false),
                    GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DateOfBirth = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    NhsNumber = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Upn = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MatchProbability = table.Column<double>(type: "REAL", nullable: true)
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
                name: "platform_user_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_user_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_user_claims_platform_users_UserId",
                        column: x => x.UserId,
                        principalTable: "platform_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_user_logins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_platform_user_logins_platform_users_UserId",
                        column: x => x.UserId,
                        principalTable: "platform_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_user_roles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_user_roles", x => new { x.UserId, x.Role });
                    table.ForeignKey(
                        name: "FK_platform_user_roles_platform_users_UserId",
                        column: x => x.UserId,
                        principalTable: "platform_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_user_tokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_platform_user_tokens_platform_users_UserId",
                        column: x => x.UserId,
                        principalTable: "platform_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "people_match_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceRecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidatePersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MatchProbability = table.Column<double>(type: "REAL", nullable: false),
                    MatchWeight = table.Column<double>(type: "REAL", nullable: false),
                    HeldBecause = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                name: "IX_people_households_PartnershipId",
                table: "people_households",
                column: "PartnershipId");

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
                name: "IX_people_person_links_OrganisationId_Kind",
                table: "people_person_links",
                columns: new[] { "OrganisationId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_people_person_links_PersonId",
                table: "people_person_links",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_people_persons_HouseholdId",
                table: "people_persons",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_people_persons_PartnershipId_FamilyName_GivenName",
                table: "people_persons",
                columns: new[] { "PartnershipId", "FamilyName", "GivenName" });

            migrationBuilder.CreateIndex(
                name: "IX_people_persons_PartnershipId_NhsNumber",
                table: "people_persons",
                columns: new[] { "PartnershipId", "NhsNumber" });

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
                name: "IX_people_source_records_PartnershipId_FamilyName_DateOfBirth",
                table: "people_source_records",
                columns: new[] { "PartnershipId", "FamilyName", "DateOfBirth" });

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_PartnershipId_NhsNumber",
                table: "people_source_records",
                columns: new[] { "PartnershipId", "NhsNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_PartnershipId_OrganisationId_SourceSystem_LocalId",
                table: "people_source_records",
                columns: new[] { "PartnershipId", "OrganisationId", "SourceSystem", "LocalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_PartnershipId_Postcode",
                table: "people_source_records",
                columns: new[] { "PartnershipId", "Postcode" });

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_PartnershipId_Upn",
                table: "people_source_records",
                columns: new[] { "PartnershipId", "Upn" });

            migrationBuilder.CreateIndex(
                name: "IX_people_source_records_PersonId",
                table: "people_source_records",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_api_clients_ClientId",
                table: "platform_api_clients",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_api_clients_OrganisationId",
                table: "platform_api_clients",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_api_clients_PartnershipId",
                table: "platform_api_clients",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_entries_ActorUserId_At",
                table: "platform_audit_entries",
                columns: new[] { "ActorUserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_audit_entries_ResourceType_ResourceId",
                table: "platform_audit_entries",
                columns: new[] { "ResourceType", "ResourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_break_glass_accesses_PartnershipId_ReviewedAt",
                table: "platform_break_glass_accesses",
                columns: new[] { "PartnershipId", "ReviewedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_break_glass_accesses_UserId_ResourceType_ResourceId",
                table: "platform_break_glass_accesses",
                columns: new[] { "UserId", "ResourceType", "ResourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_idempotent_requests_Caller_Key",
                table: "platform_idempotent_requests",
                columns: new[] { "Caller", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_organisations_PartnershipId_OdsCode",
                table: "platform_organisations",
                columns: new[] { "PartnershipId", "OdsCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_organisations_PartnershipId_Type",
                table: "platform_organisations",
                columns: new[] { "PartnershipId", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_organisations_PartnershipId_Urn",
                table: "platform_organisations",
                columns: new[] { "PartnershipId", "Urn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_partnerships_Code",
                table: "platform_partnerships",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_user_claims_UserId",
                table: "platform_user_claims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_user_logins_UserId",
                table: "platform_user_logins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "platform_users",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_platform_users_OrganisationId",
                table: "platform_users",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_users_PartnershipId",
                table: "platform_users",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "platform_users",
                column: "NormalizedUserName",
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
                name: "people_person_links");

            migrationBuilder.DropTable(
                name: "people_relationships");

            migrationBuilder.DropTable(
                name: "platform_api_clients");

            migrationBuilder.DropTable(
                name: "platform_audit_entries");

            migrationBuilder.DropTable(
                name: "platform_audit_head");

            migrationBuilder.DropTable(
                name: "platform_break_glass_accesses");

            migrationBuilder.DropTable(
                name: "platform_idempotent_requests");

            migrationBuilder.DropTable(
                name: "platform_user_claims");

            migrationBuilder.DropTable(
                name: "platform_user_logins");

            migrationBuilder.DropTable(
                name: "platform_user_roles");

            migrationBuilder.DropTable(
                name: "platform_user_tokens");

            migrationBuilder.DropTable(
                name: "people_source_records");

            migrationBuilder.DropTable(
                name: "platform_users");

            migrationBuilder.DropTable(
                name: "people_persons");

            migrationBuilder.DropTable(
                name: "platform_organisations");

            migrationBuilder.DropTable(
                name: "people_households");

            migrationBuilder.DropTable(
                name: "platform_partnerships");
        }
    }
}
