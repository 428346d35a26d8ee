using Microsoft.EntityFrameworkCore;

namespace Registry.Core.Data;

/// <summary>
/// Start-up work that writes shared rows (migrations, the configured bootstrap) done by one node at a time: with
/// PostgreSQL a session advisory lock on the context's connection, held until disposed (or until the session ends, if
/// the node dies). Nodes that start together then find the work done instead of failing on it. SQLite has one node.
/// </summary>
internal sealed class StartupTurn : IAsyncDisposable
{
    /// <summary>The advisory lock key ("gallery" in ASCII).</summary>
    private const long LockKey = 0x67616c6c657279;

    private readonly RegistryDbContext? _db;

    private StartupTurn(RegistryDbContext? db) => _db = db;

    public static async Task<StartupTurn> TakeAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return new StartupTurn(null);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        return new StartupTurn(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            await _db.Database.CloseConnectionAsync();
        }
    }
}
