using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registry.Core.Events;

namespace Gallery.Indexer.Indexing;

/// <summary>
/// Follows the outbox into the index. Wakes at each commit (in-process signal, or PostgreSQL NOTIFY relayed to it)
/// and polls as a fallback; applies events, refreshes the near-real-time searcher at once, and on a short debounce
/// commits the index and then stores the checkpoint, so a crash in between repeats work and never loses it.
/// </summary>
public sealed class IndexerWorker(
    GalleryIndexWriter index, IServiceScopeFactory scopes, RegistryEventSignal signal, IOptions<IndexOptions> options,
    IndexRefreshes refreshes, TimeProvider time, ILogger<IndexerWorker> logger) : BackgroundService
{
    private readonly IndexOptions _options = options.Value;
    private EventGapTracker? _tracker;
    private bool _dirty;
    private DateTimeOffset _lastCommit;
    private DateTimeOffset _lastPopularity;
    private DateTime? _popularitySince;
    private long _position;

    /// <summary>The outbox position the index reflects so far: every event at or below it is applied (or given up on).</summary>
    public long Position => Interlocked.Read(ref _position);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var woken = signal.WaitAsync(wait.Token);
            try
            {
                _tracker ??= await ResumeAsync(stoppingToken);
                await CatchUpAsync(_tracker, stoppingToken);
                await RefreshPopularityIfDueAsync(stoppingToken);
                await CommitIfDueAsync(_tracker, force: false, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Indexing failed; retrying from the last position");
            }

            var idle = _dirty && _options.CommitInterval < _options.PollInterval ? _options.CommitInterval : _options.PollInterval;
            await Task.WhenAny(woken, Task.Delay(idle, time, wait.Token));
            await wait.CancelAsync();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_tracker is not null)
        {
            await CommitIfDueAsync(_tracker, force: true, cancellationToken);
        }
    }

    /// <summary>Resumes from the checkpoint, or rebuilds everything when the index has never been completed.</summary>
    private async Task<EventGapTracker> ResumeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        long position;
        if (index.CommittedPosition is null)
        {
            position = await scope.ServiceProvider.GetRequiredService<Reindexer>().RunAsync(cancellationToken);
            _popularitySince = DateTime.UtcNow;
        }
        else
        {
            position = await scope.ServiceProvider.GetRequiredService<CheckpointStore>().LoadAsync(cancellationToken) ?? 0;
        }

        _lastCommit = _lastPopularity = time.GetUtcNow();
        return new EventGapTracker(position, _options.GapTimeout, time);
    }

    private async Task CatchUpAsync(EventGapTracker tracker, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var feed = scope.ServiceProvider.GetRequiredService<EventFeed>();
        var updater = scope.ServiceProvider.GetRequiredService<IndexUpdater>();
        var before = tracker.Position;
        while (true)
        {
            var events = await feed.ReadAsync(tracker, cancellationToken);
            if (events.Count > 0)
            {
                var changed = await updater.ApplyAsync(events, cancellationToken);

                // A publisher's change (alias, name, verified, suspended) shows on pages beyond its repositories'.
                refreshes.Declare(events.Any(e => e.Type == RegistryEventTypes.RegistryUpdated) ? null : changed);
                index.Refresh();
                _dirty = true;
            }

            if (events.Count < EventFeed.BatchSize)
            {
                break;
            }
        }

        tracker.Expire();
        _dirty |= tracker.Position != before;
        Interlocked.Exchange(ref _position, tracker.Position);
    }

    private async Task RefreshPopularityIfDueAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - _lastPopularity < _options.PopularityInterval)
        {
            return;
        }

        _lastPopularity = time.GetUtcNow();
        var since = _popularitySince;
        _popularitySince = DateTime.UtcNow;
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<PopularityRefresher>().RefreshAsync(since, cancellationToken) > 0)
        {
            index.Refresh();
            _dirty = true;
        }
    }

    private async Task CommitIfDueAsync(EventGapTracker tracker, bool force, CancellationToken cancellationToken)
    {
        if (!_dirty || (!force && time.GetUtcNow() - _lastCommit < _options.CommitInterval))
        {
            return;
        }

        var position = tracker.Position;
        index.Commit(position);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CheckpointStore>().SaveAsync(position, cancellationToken);
        _dirty = false;
        _lastCommit = time.GetUtcNow();
    }
}
