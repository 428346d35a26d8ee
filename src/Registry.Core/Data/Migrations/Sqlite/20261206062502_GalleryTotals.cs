using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GalleryTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "HasImages",
                table: "Repositories",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "TagCount",
                table: "Repositories",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PublicRepositoryCount",
                table: "Registries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "GalleryTotals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Repositories = table.Column<int>(type: "INTEGER", nullable: false),
                    Publishers = table.Column<int>(type: "INTEGER", nullable: false),
                    Tags = table.Column<long>(type: "INTEGER", nullable: false),
                    Pulls = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GalleryTotals", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "GalleryTotals",
                columns: new[] { "Id", "Publishers", "Pulls", "Repositories", "Tags" },
                values: new object[] { 1, 0, 0L, 0, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Registries_Verified_PublicRepositoryCount",
                table: "Registries",
                columns: new[] { "Verified", "PublicRepositoryCount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GalleryTotals");

            migrationBuilder.DropIndex(
                name: "IX_Registries_Verified_PublicRepositoryCount",
                table: "Registries");

            migrationBuilder.DropColumn(
                name: "HasImages",
                table: "Repositories");

            migrationBuilder.DropColumn(
                name: "TagCount",
                table: "Repositories");

            migrationBuilder.DropColumn(
                name: "PublicRepositoryCount",
                table: "Registries");
        }
    }
}
