using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;

namespace Registry.Core.Repositories.Pulls;

/// <summary>Daily pull counts: added to at each flush of the pull counter, read as a chart's days.</summary>
public static class DailyPulls
{
    public const int MaxDays = 365;

    /// <summary>Adds pulls to a repository's (empty <paramref name="tag"/>: its total's) count for the day, creating the row if needed.</summary>
    internal static Task AddAsync(RegistryDbContext db, string repository, string tag, DateOnly day, long count, CancellationToken cancellationToken) =>
        // One statement that SQLite and PostgreSQL both read: insert the day's row or add to it.
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "DailyPulls" ("RepositoryId", "Tag", "Day", "Count")
            SELECT "Id", {tag}, {day}, {count} FROM "Repositories" WHERE "FullName" = {repository}
            ON CONFLICT ("RepositoryId", "Tag", "Day") DO UPDATE SET "Count" = "DailyPulls"."Count" + excluded."Count"
            """, cancellationToken);
}
