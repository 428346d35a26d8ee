using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Charts_HelmCharts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HelmCharts",
                columns: table => new
                {
                    ManifestId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    AppVersion = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    Keywords = table.Column<string>(type: "TEXT", nullable: false),
                    Readme = table.Column<string>(type: "TEXT", nullable: true),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelmCharts", x => x.ManifestId);
                    table.ForeignKey(
                        name: "FK_HelmCharts_Manifests_ManifestId",
                        column: x => x.ManifestId,
                        principalTable: "Manifests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HelmCharts");
        }
    }
}
