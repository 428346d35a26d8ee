using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Registry.Core.Data;

/// <summary>
/// Whether a database is exactly at this build's schema, for commands that must not migrate it (only the server
/// applies migrations, at start) and must not act on a schema they do not know.
/// </summary>
internal static class DatabaseReadiness
{
    /// <summary>Null when the database exists and has exactly this build's migrations; otherwise what is wrong.</summary>
    public static async Task<string?> ProblemAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            return "the database does not exist; start the server once (it creates and migrates the database), then run this again";
        }

        var known = db.Database.GetMigrations().ToHashSet();
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet();
        var pending = known.Except(applied).ToList();
        if (pending.Count > 0)
        {
            return $"the database is not migrated ({pending.Count} pending migration(s), e.g. {pending[^1]}); "
                + "start the server of this version once (it applies migrations at start), stop it, then run this again";
        }

        var unknown = applied.Except(known).ToList();
        if (unknown.Count > 0)
        {
            return $"the database has migrations this version does not know ({string.Join(", ", unknown)}); use the version of Gallery that migrated it";
        }

        return null;
    }
}
