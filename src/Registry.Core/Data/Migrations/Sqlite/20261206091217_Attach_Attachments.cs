using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Core.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RepositoryId = table.Column<long>(type: "INTEGER", nullable: false),
                    SubjectDigest = table.Column<string>(type: "TEXT", maxLength: 135, nullable: false),
                    ManifestId = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    LayerDigest = table.Column<string>(type: "TEXT", maxLength: 135, nullable: true),
                    LayerSize = table.Column<long>(type: "INTEGER", nullable: false),
                    MediaType = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ArtifactType = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PredicateType = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Signer = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Generator = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Created = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PushedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    PackageCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimedUntil = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    AttachmentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    License = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Purl = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true)
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
