using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Core.Data.Migrations.Postgres
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HoldId",
                table: "UploadSessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StoreState",
                table: "UploadSessions",
                type: "text",
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
