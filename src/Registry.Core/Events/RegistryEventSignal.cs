namespace Registry.Core.Events;

/// <summary>
/// Wakes in-process followers of the outbox as soon as a change commits, so they need not wait for their next poll.
/// A signal carries no data: followers read the outbox itself, so a missed signal loses nothing.
/// </summary>
public sealed class RegistryEventSignal
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>Called after a transaction that wrote events has committed.</summary>
    public void Notify() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    /// <summary>Completes at the next <see cref="Notify"/>, or when cancelled.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => Volatile.Read(ref _next).Task.WaitAsync(cancellationToken);

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
