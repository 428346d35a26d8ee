using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EventActorAndRegistryLogo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LogoMediaType",
                table: "Registries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Actor",
                table: "Events",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LogoMediaType",
                table: "Registries");

            migrationBuilder.DropColumn(
                name: "Actor",
                table: "Events");
        }
    }
}
