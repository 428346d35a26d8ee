using Gallery.Indexer.Indexing;
using Microsoft.Extensions.DependencyInjection;
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
    : OutboxFollower(signal, time, logger)
{
    public const string CheckpointName = "webhooks";
    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(5);

    private readonly WebhookOptions _options = options.Value;
    private readonly Dictionary<long, Task> _sending = [];
    private readonly SortedDictionary<long, Registry.Core.Data.Entities.RegistryEvent> _held = [];
    private EventGapTracker? _tracker;
    private long _saved;
    private DateTimeOffset? _lastPrune;

    protected override string Work => "Webhook work";

    protected override TimeSpan NextPoll => _options.PollInterval;

    protected override async Task RoundAsync(CancellationToken cancellationToken)
    {
        _lastPrune ??= Time.GetUtcNow();
        foreach (var done in _sending.Where(s => s.Value.IsCompleted).Select(s => s.Key).ToList())
        {
            _sending.Remove(done);
        }

        _tracker ??= await ResumeAsync(cancellationToken);
        await FollowAsync(_tracker, cancellationToken);
        await DispatchAsync(cancellationToken);
        await PruneIfDueAsync(cancellationToken);
    }

    /// <summary>A delivery that ends frees a slot and may make the next one of its repository due.</summary>
    protected override IEnumerable<Task> AlsoWakeOn() => _sending.Values;

    protected override Task StoppedAsync() => Task.WhenAll(_sending.Values);

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
        return new EventGapTracker(position.Value, new Dictionary<long, DateTimeOffset>(), _options.GapTimeout, registry.Value.Events.Retention, Time);
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
        await foreach (var events in feed.ReadAllAsync(tracker, cancellationToken))
        {
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
            Logger.LogError(e, "Could not send webhook delivery {Id}; it is sent again when its claim runs out", id);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the claim runs out and another node (or this one, restarted) sends it.
        }
        finally
        {
            Signal.Notify(); // the next delivery of the same repository may be due now
        }
    }

    private async Task PruneIfDueAsync(CancellationToken cancellationToken)
    {
        if (Time.GetUtcNow() - _lastPrune < PruneInterval)
        {
            return;
        }

        _lastPrune = Time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().PruneAsync(cancellationToken);
    }
}
