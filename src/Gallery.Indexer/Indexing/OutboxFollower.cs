using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Registry.Core.Events;

namespace Gallery.Indexer.Indexing;

/// <summary>
/// A follower of the outbox (the index, webhooks): does one round of work whenever a commit wakes it
/// (<see cref="RegistryEventSignal"/>, in-process or relayed from PostgreSQL NOTIFY) or its poll interval passes, and
/// logs a failed round and tries again at the next. A wake during a round is kept for after it: nothing is missed.
/// </summary>
public abstract class OutboxFollower(RegistryEventSignal signal, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>What wakes every follower of this process: notify it when a follower's own work makes more due.</summary>
    protected RegistryEventSignal Signal { get; } = signal;

    protected TimeProvider Time { get; } = time;

    protected ILogger Logger { get; } = logger;

    /// <summary>What the log says failed, e.g. "Indexing".</summary>
    protected abstract string Work { get; }

    /// <summary>How long to wait for a wake before the next round.</summary>
    protected abstract TimeSpan NextPoll { get; }

    protected abstract Task RoundAsync(CancellationToken cancellationToken);

    /// <summary>Other work whose end should also start the next round.</summary>
    protected virtual IEnumerable<Task> AlsoWakeOn() => [];

    /// <summary>After the loop ends (stopping): wait for work still out.</summary>
    protected virtual Task StoppedAsync() => Task.CompletedTask;

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var woken = Signal.WaitAsync(wait.Token);
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Logger.LogError(e, "{Work} failed; retrying from the last position", Work);
            }

            await Task.WhenAny([woken, Task.Delay(NextPoll, Time, wait.Token), .. AlsoWakeOn()]);
            await wait.CancelAsync();
        }

        await StoppedAsync();
    }
}
