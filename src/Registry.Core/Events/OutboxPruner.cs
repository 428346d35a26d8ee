using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registry.Core.Data;

namespace Registry.Core.Events;

/// <summary>
/// Deletes outbox events that are older than the retention and that every live follower has passed (see
/// <see cref="EventRetention"/>). Every node runs it; the delete is idempotent, so nodes need not agree who does.
/// With no live follower nothing is pruned: a follower that comes back within the retention finds what it missed.
/// </summary>
public sealed class OutboxPruner(IServiceScopeFactory scopes, IOptions<RegistryOptions> options, ILogger<OutboxPruner> logger) : BackgroundService
{
    private const int BatchSize = 10_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Events.PruneInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var pruned = await PruneAsync(stoppingToken);
                if (pruned > 0)
                {
                    logger.LogInformation("Pruned {Count} outbox event(s) every live follower had passed", pruned);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Pruning the outbox failed; will retry");
            }
        }
    }

    /// <summary>Returns how many events were deleted.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var retention = options.Value.Events.Retention;
        var cutoff = DateTime.UtcNow - retention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var passedByAll = await db.IndexerCheckpoints.Where(c => c.UpdatedAt > cutoff).MinAsync(c => (long?)c.Position, cancellationToken);
        if (passedByAll is not { } position)
        {
            return 0;
        }

        var total = 0;
        while (true)
        {
            var ids = db.Events.Where(e => e.Id <= position && e.OccurredAt < cutoff).OrderBy(e => e.Id).Select(e => e.Id).Take(BatchSize);
            var deleted = await db.Events.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
            total += deleted;
            if (deleted < BatchSize)
            {
                return total;
            }
        }
    }
}
