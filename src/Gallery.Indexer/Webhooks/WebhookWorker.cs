using Gallery.Indexer.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registry.Core;
using Registry.Core.Events;
using Registry.Core.Webhooks;

namespace Gallery.Indexer.Webhooks;

/// <summary>
/// The outbox's second follower. It reads events after its own checkpoint (row <see cref="CheckpointName"/> of the
/// indexer's checkpoint table), queues their deliveries in id order, then stores the checkpoint; and it sends due
/// deliveries, several at once, without waiting for slow receivers before picking up new work. Runs on every node:
/// queuing is idempotent and sending is claimed through the database. Nothing here runs inside a push.
/// </summary>
public sealed class WebhookWorker(
    IServiceScopeFactory scopes, RegistryEventSignal signal, IOptions<WebhookOptions> options, IOptions<RegistryOptions> registry,
    TimeProvider time, ILogger<WebhookWorker> logger)
    : BackgroundService
{
    public const string CheckpointName = "webhooks";
    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(5);

    private readonly WebhookOptions _options = options.Value;
    private readonly Dictionary<long, Task> _sending = [];
    private readonly SortedDictionary<long, Registry.Core.Data.Entities.RegistryEvent> _held = [];
    private EventGapTracker? _tracker;
    private long _saved;
    private DateTimeOffset _lastPrune;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        _lastPrune = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var woken = signal.WaitAsync(wait.Token);
            try
            {
                _tracker ??= await ResumeAsync(stoppingToken);
                await FollowAsync(_tracker, stoppingToken);
                await DispatchAsync(stoppingToken);
                await PruneIfDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Webhook work failed; retrying");
            }

            await Task.WhenAny([woken, Task.Delay(_options.PollInterval, time, wait.Token), .. _sending.Values]);
            await wait.CancelAsync();
            foreach (var done in _sending.Where(s => s.Value.IsCompleted).Select(s => s.Key).ToList())
            {
                _sending.Remove(done);
            }
        }

        await Task.WhenAll(_sending.Values);
    }

    /// <summary>From the checkpoint; the first time, from the newest event (webhooks report what happens from now on).</summary>
    private async Task<EventGapTracker> ResumeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var checkpoints = scope.ServiceProvider.GetRequiredService<CheckpointStore>();
        var position = await checkpoints.LoadAsync(CheckpointName, cancellationToken);
        if (position is null)
        {
            position = await scope.ServiceProvider.GetRequiredService<EventFeed>().LatestIdAsync(cancellationToken);
            await checkpoints.SaveAsync(CheckpointName, position.Value, cancellationToken);
        }

        _saved = position.Value;
        // Late ids are asked for again while this node runs (and delivered when they turn up); the checkpoint keeps
        // only the position, so a restart gives up the late ids of the run before.
        return new EventGapTracker(position.Value, new Dictionary<long, DateTimeOffset>(), _options.GapTimeout, registry.Value.Events.Retention, time);
    }

    /// <summary>
    /// Queues events up to the tracker's position only: an event read past a missing id waits (in memory) until the
    /// id turns up or is given up on, so deliveries are queued in event order.
    /// </summary>
    private async Task FollowAsync(EventGapTracker tracker, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var feed = scope.ServiceProvider.GetRequiredService<EventFeed>();
        var queue = scope.ServiceProvider.GetRequiredService<WebhookQueue>();
        while (true)
        {
            var events = await feed.ReadAsync(tracker, cancellationToken);
            foreach (var e in events)
            {
                _held[e.Id] = e;
            }

            tracker.Expire();
            var ready = _held.Keys.TakeWhile(id => id <= tracker.Position).ToList();
            if (ready.Count > 0)
            {
                await queue.EnqueueAsync(ready.Select(id => _held[id]).ToList(), cancellationToken);
                ready.ForEach(id => _held.Remove(id));
            }

            if (events.Count < EventFeed.BatchSize)
            {
                break;
            }
        }

        if (tracker.Position != _saved)
        {
            await scope.ServiceProvider.GetRequiredService<CheckpointStore>().SaveAsync(CheckpointName, tracker.Position, cancellationToken);
            _saved = tracker.Position;
        }
    }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        var free = _options.Concurrency - _sending.Count;
        if (free <= 0)
        {
            return;
        }

        IReadOnlyList<long> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            claimed = await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().ClaimDueAsync(free, _sending.Keys, cancellationToken);
        }

        foreach (var id in claimed)
        {
            _sending[id] = SendAsync(id, cancellationToken);
        }
    }

    private async Task SendAsync(long id, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().SendAsync(id, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Could not send webhook delivery {Id}; it is sent again when its claim runs out", id);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the claim runs out and another node (or this one, restarted) sends it.
        }
        finally
        {
            signal.Notify(); // the next delivery of the same repository may be due now
        }
    }

    private async Task PruneIfDueAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - _lastPrune < PruneInterval)
        {
            return;
        }

        _lastPrune = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().PruneAsync(cancellationToken);
    }
}
