using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IndexerCheckpoint : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndexerCheckpoints",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Position = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexerCheckpoints", x => x.Name);
                });

            // Followers in other processes LISTEN on this channel; PostgreSQL delivers it when the change commits.
            migrationBuilder.Sql($"""
                CREATE FUNCTION gallery_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('{Events.PostgresNotifications.EventsChannel}', '');
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "Events_notify" AFTER INSERT ON "Events" FOR EACH STATEMENT EXECUTE FUNCTION gallery_events_notify();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "Events_notify" ON "Events";
                DROP FUNCTION IF EXISTS gallery_events_notify();
                """);

            migrationBuilder.DropTable(
                name: "IndexerCheckpoints");
        }
    }
}
