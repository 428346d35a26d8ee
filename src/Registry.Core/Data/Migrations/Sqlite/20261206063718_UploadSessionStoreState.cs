using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UploadSessionStoreState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "HoldExpiresAt",
                table: "UploadSessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HoldId",
                table: "UploadSessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StoreState",
                table: "UploadSessions",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HoldExpiresAt",
                table: "UploadSessions");

            migrationBuilder.DropColumn(
                name: "HoldId",
                table: "UploadSessions");

            migrationBuilder.DropColumn(
                name: "StoreState",
                table: "UploadSessions");
        }
    }
}
