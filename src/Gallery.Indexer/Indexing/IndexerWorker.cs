using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registry.Core;
using Registry.Core.Events;

namespace Gallery.Indexer.Indexing;

/// <summary>
/// Follows the outbox into the index. Wakes at each commit (in-process signal, or PostgreSQL NOTIFY relayed to it)
/// and polls as a fallback; applies events, refreshes the near-real-time searcher at once, and on a short debounce
/// commits the index (with where to resume) and then stores the checkpoint row, so a crash in between repeats work and
/// never loses it. The row is touched at least every heartbeat, so the outbox is never pruned under a live replica; a
/// replica whose row is older than the retention allows (or that has none) rebuilds from the database at start.
/// </summary>
public sealed class IndexerWorker(
    GalleryIndexWriter index, IServiceScopeFactory scopes, RegistryEventSignal signal, IOptions<IndexOptions> options,
    IndexRefreshes refreshes, IOptions<RegistryOptions> registry, TimeProvider time, ILogger<IndexerWorker> logger)
    : OutboxFollower(signal, time, logger)
{
    private readonly IndexOptions _options = options.Value;
    private readonly EventRetention _retention = registry.Value.Events;
    private EventGapTracker? _tracker;
    private bool _dirty;
    private DateTimeOffset _lastCommit;
    private DateTimeOffset _lastSaved;
    private long _savedPassed = -1;
    private DateTimeOffset _lastPopularity;
    private DateTime? _popularitySince;
    private long _position;

    /// <summary>The outbox position the index reflects so far: every event at or below it is applied (or given up on).</summary>
    public long Position => Interlocked.Read(ref _position);

    protected override string Work => "Indexing";

    protected override TimeSpan NextPoll => _dirty && _options.CommitInterval < _options.PollInterval ? _options.CommitInterval : _options.PollInterval;

    protected override async Task RoundAsync(CancellationToken cancellationToken)
    {
        _tracker ??= await ResumeAsync(cancellationToken);
        await CatchUpAsync(_tracker, cancellationToken);
        await RefreshPopularityIfDueAsync(cancellationToken);
        await CommitIfDueAsync(_tracker, force: false, cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_tracker is not null)
        {
            await CommitIfDueAsync(_tracker, force: true, cancellationToken);
        }
    }

    /// <summary>
    /// Resumes from the index's last commit, or rebuilds everything when the index was never completed, or when this
    /// replica has been gone so long that events it needs may have been pruned.
    /// </summary>
    private async Task<EventGapTracker> ResumeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var lastSaved = await scope.ServiceProvider.GetRequiredService<CheckpointStore>().LastSavedAsync(cancellationToken);
        long position;
        IReadOnlyDictionary<long, DateTimeOffset> late;
        if (index.CommittedPosition is not { } committed || lastSaved is null || DateTime.UtcNow - lastSaved > _retention.RebuildAfter)
        {
            if (index.CommittedPosition is not null)
            {
                Logger.LogInformation("This index replica's checkpoint was last saved {LastSaved:o}, beyond the outbox retention; rebuilding it", lastSaved);
            }

            position = await scope.ServiceProvider.GetRequiredService<Reindexer>().RunAsync(cancellationToken);
            late = new Dictionary<long, DateTimeOffset>();
            _popularitySince = DateTime.UtcNow;
        }
        else
        {
            position = committed;
            late = index.CommittedLate;
        }

        _lastCommit = _lastPopularity = _lastSaved = Time.GetUtcNow();
        return new EventGapTracker(position, late, _options.GapTimeout, _retention.Retention, Time);
    }

    private async Task CatchUpAsync(EventGapTracker tracker, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var feed = scope.ServiceProvider.GetRequiredService<EventFeed>();
        var updater = scope.ServiceProvider.GetRequiredService<IndexUpdater>();
        var before = tracker.Position;
        await foreach (var events in feed.ReadAllAsync(tracker, cancellationToken))
        {
            if (events.Count > 0)
            {
                var changed = await updater.ApplyAsync(events, cancellationToken);

                // A publisher's change (alias, name, verified, suspended) shows on pages beyond its repositories'.
                refreshes.Declare(events.Any(e => e.Type == RegistryEventTypes.RegistryUpdated) ? null : changed);
                index.Refresh();
                _dirty = true;
            }
        }

        tracker.Expire();
        _dirty |= tracker.Position != before;
        Interlocked.Exchange(ref _position, tracker.Position);
    }

    private async Task RefreshPopularityIfDueAsync(CancellationToken cancellationToken)
    {
        if (Time.GetUtcNow() - _lastPopularity < _options.PopularityInterval)
        {
            return;
        }

        _lastPopularity = Time.GetUtcNow();
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
        var now = Time.GetUtcNow();
        if (_dirty && (force || now - _lastCommit >= _options.CommitInterval))
        {
            index.Commit(tracker.Position, tracker.Late);
            _dirty = false;
            _lastCommit = now;
        }

        // The row says only what the index on disk reflects; it is also touched as a heartbeat when nothing moved.
        var passed = Math.Min(tracker.Passed, index.CommittedPosition ?? 0);
        if (passed == _savedPassed && now - _lastSaved < _retention.HeartbeatInterval)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CheckpointStore>().SaveAsync(passed, cancellationToken);
        _savedPassed = passed;
        _lastSaved = now;
    }
}
