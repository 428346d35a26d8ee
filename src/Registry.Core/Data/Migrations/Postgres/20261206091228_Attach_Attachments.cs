using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Registry.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Attach_Attachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RepositoryId = table.Column<long>(type: "bigint", nullable: false),
                    SubjectDigest = table.Column<string>(type: "character varying(135)", maxLength: 135, nullable: false),
                    ManifestId = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Tag = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    LayerDigest = table.Column<string>(type: "character varying(135)", maxLength: 135, nullable: true),
                    LayerSize = table.Column<long>(type: "bigint", nullable: false),
                    MediaType = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ArtifactType = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Format = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PredicateType = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Signer = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Generator = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Created = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PushedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Problem = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    PackageCount = table.Column<int>(type: "integer", nullable: false),
                    ClaimedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attachments_Manifests_ManifestId",
                        column: x => x.ManifestId,
                        principalTable: "Manifests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Attachments_Repositories_RepositoryId",
                        column: x => x.RepositoryId,
                        principalTable: "Repositories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SbomPackages",
                columns: table => new
                {
                    AttachmentId = table.Column<long>(type: "bigint", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Version = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    License = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Purl = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SbomPackages", x => new { x.AttachmentId, x.Ordinal });
                    table.ForeignKey(
                        name: "FK_SbomPackages_Attachments_AttachmentId",
                        column: x => x.AttachmentId,
                        principalTable: "Attachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_ManifestId",
                table: "Attachments",
                column: "ManifestId");

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_RepositoryId_SubjectDigest",
                table: "Attachments",
                columns: new[] { "RepositoryId", "SubjectDigest" });

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_State_ClaimedUntil",
                table: "Attachments",
                columns: new[] { "State", "ClaimedUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_SbomPackages_Name",
                table: "SbomPackages",
                column: "Name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SbomPackages");

            migrationBuilder.DropTable(
                name: "Attachments");
        }
    }
}
