using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Registry.Core.Repositories.Public;

namespace Registry.Core.Data;

/// <summary>
/// Applies pending migrations when the host starts, before it serves requests. With PostgreSQL, nodes that start
/// together take turns (<see cref="StartupTurn"/>).
/// </summary>
internal sealed class DatabaseMigrator(IServiceScopeFactory scopes, ILogger<DatabaseMigrator> logger) : IHostedLifecycleService
{
    /// <summary>The migration that adds the kept counts; the rows already there are counted once when it is applied.</summary>
    private const string GalleryTotalsMigration = "GalleryTotals";

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();

        // A new database and its migrations history table are created first: asking a database (or a table) that
        // does not exist yet for its migrations logs failures ("fail:" lines) before EF Core creates them.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            logger.LogInformation("Creating the database");
            await creator.CreateAsync(cancellationToken);
        }

        await using var turn = await StartupTurn.TakeAsync(db, cancellationToken);
        // CREATE TABLE IF NOT EXISTS (Npgsql's history "exists" check only asks whether the database does).
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
            if (pending.Any(m => m.EndsWith("_" + GalleryTotalsMigration, StringComparison.Ordinal)))
            {
                logger.LogInformation("Counting the gallery's totals for the first time");
                await PublicCounts.RecountAllAsync(db, cancellationToken);
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
