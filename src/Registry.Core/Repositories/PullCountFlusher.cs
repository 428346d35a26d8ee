using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Registry.Core.Data;
using Registry.Core.Repositories.Gallery;

namespace Registry.Core.Repositories;

/// <summary>
/// Writes the pulls counted in memory to <c>Repository.PullCount</c> and <c>LastPulledAt</c> every few seconds and
/// at shutdown, in one transaction per batch, with the gallery's pull total (<see cref="GalleryCounts"/>: the batch's
/// registries are locked first). No event per pull: the indexer picks up changed counts by <c>LastPulledAt</c>.
/// </summary>
public sealed class PullCountFlusher(PullCounter counter, IServiceScopeFactory scopes, ILogger<PullCountFlusher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>Writes what has been counted so far; the counts go back in memory if the write fails.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var tallies = counter.Drain();
        if (tallies.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var names = tallies.Select(t => t.Repository).ToList();
            var registryOf = await db.Repositories.AsNoTracking().Where(r => names.Contains(r.FullName))
                .ToDictionaryAsync(r => r.FullName, r => r.RegistryId, cancellationToken);
            var registries = registryOf.Values.Distinct().ToList();
            await GalleryCounts.LockRegistriesAsync(db, registries, cancellationToken);
            var visible = await GalleryCounts.VisibleAsync(db, registries, cancellationToken);
            var shown = 0L;
            foreach (var tally in tallies)
            {
                var updated = await db.Repositories.Where(r => r.FullName == tally.Repository).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.PullCount, r => r.PullCount + tally.Count)
                    .SetProperty(r => r.LastPulledAt, tally.LastPulledAt), cancellationToken);
                if (updated > 0 && registryOf.TryGetValue(tally.Repository, out var registry) && visible.Contains(registry))
                {
                    shown += tally.Count;
                }
            }

            await GalleryCounts.AddPullsAsync(db, shown, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or OperationCanceledException or System.Data.Common.DbException)
        {
            counter.Restore(tallies);
            if (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not write {Count} pull count(s); keeping them for the next flush", tallies.Count);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(CancellationToken.None);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes the rest.
        }
    }
}
