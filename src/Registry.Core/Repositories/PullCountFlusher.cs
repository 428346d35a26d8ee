using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Registry.Core.Data;
using Registry.Core.Repositories.Public;
using Registry.Core.Repositories.Pulls;

namespace Registry.Core.Repositories;

/// <summary>
/// Writes the pulls counted in memory to <c>Repository.PullCount</c> and <c>LastPulledAt</c>, and to the day's
/// <c>DailyPulls</c> (the repository's total and each tag's), every few seconds and at shutdown, in one transaction per
/// batch, with the gallery's pull total (<see cref="PublicCounts"/>: the batch's registries are locked first). No event
/// per pull: the indexer picks up changed counts by <c>LastPulledAt</c>.
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
            var names = tallies.Select(t => t.Repository).Distinct().ToList();
            var registryOf = await db.Repositories.AsNoTracking().Where(r => names.Contains(r.FullName))
                .ToDictionaryAsync(r => r.FullName, r => r.RegistryId, cancellationToken);
            var registries = registryOf.Values.Distinct().ToList();
            await PublicCounts.LockRegistriesAsync(db, registries, cancellationToken);
            var visible = await PublicCounts.VisibleAsync(db, registries, cancellationToken);
            var shown = 0L;
            var day = DateOnly.FromDateTime(DateTime.UtcNow);
            foreach (var repository in tallies.GroupBy(t => t.Repository))
            {
                var count = repository.Sum(t => t.Count);
                var updated = await db.Repositories.Where(r => r.FullName == repository.Key).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.PullCount, r => r.PullCount + count)
                    .SetProperty(r => r.LastPulledAt, repository.Max(t => t.LastPulledAt)), cancellationToken);
                if (updated == 0)
                {
                    continue;
                }

                if (registryOf.TryGetValue(repository.Key, out var registry) && visible.Contains(registry))
                {
                    shown += count;
                }

                await DailyPulls.AddAsync(db, repository.Key, "", day, count, cancellationToken);
                foreach (var tag in repository.Where(t => t.Tag.Length > 0))
                {
                    await DailyPulls.AddAsync(db, repository.Key, tag.Tag, day, tag.Count, cancellationToken);
                }
            }

            await PublicCounts.AddPullsAsync(db, shown, cancellationToken);
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
