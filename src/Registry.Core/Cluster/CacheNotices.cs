using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;

namespace Registry.Core.Cluster;

/// <summary>
/// Tells every node that something it caches from the database has changed, through PostgreSQL NOTIFY (relayed by
/// <see cref="Events.PostgresNotifications"/>). With SQLite there is one node, which invalidates its own cache.
/// </summary>
public static class CacheNotices
{
    public const string Channel = "gallery_caches";

    /// <summary>A registry's alias changed: the default-alias map (<see cref="Access.DefaultAliases"/>) is stale.</summary>
    public const string Aliases = "aliases";

    public static async Task PublishAsync(RegistryDbContext db, string what, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {what})", cancellationToken);
        }
    }
}
