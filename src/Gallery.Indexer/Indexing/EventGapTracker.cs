namespace Gallery.Indexer.Indexing;

/// <summary>
/// Follows outbox ids that may become visible out of order. In PostgreSQL a transaction takes its event id when it
/// inserts but becomes visible when it commits, so id 7 can be read before id 6. Every id below the highest seen
/// that has not been read is remembered as missing and asked for again, until it appears or
/// <paramref name="timeout"/> passes (a rolled-back transaction leaves a hole for ever).
/// <see cref="Position"/> is the checkpoint: every id at or below it has been read or given up on.
/// </summary>
public sealed class EventGapTracker(long position, TimeSpan timeout, TimeProvider time)
{
    /// <summary>A jump larger than this in one step is not tracked id by id (only the ids just below the new one are).</summary>
    public const int MaxTrackedGap = 10_000;

    private readonly SortedDictionary<long, DateTimeOffset> _missing = [];

    public long MaxSeen { get; private set; } = position;

    public IReadOnlyCollection<long> Missing => _missing.Keys;

    public long Position => _missing.Count == 0 ? MaxSeen : _missing.Keys.First() - 1;

    /// <summary>Records ids just read (any order): missing ones are filled, new holes below the highest are remembered.</summary>
    public void Observe(IEnumerable<long> ids)
    {
        var now = time.GetUtcNow();
        foreach (var id in ids.Order())
        {
            if (id > MaxSeen)
            {
                for (var hole = Math.Max(MaxSeen + 1, id - MaxTrackedGap); hole < id; hole++)
                {
                    _missing[hole] = now;
                }

                MaxSeen = id;
            }
            else
            {
                _missing.Remove(id);
            }
        }
    }

    /// <summary>Gives up on ids missing for longer than the timeout.</summary>
    public void Expire()
    {
        var cutoff = time.GetUtcNow() - timeout;
        foreach (var id in _missing.Where(kv => kv.Value <= cutoff).Select(kv => kv.Key).ToList())
        {
            _missing.Remove(id);
        }
    }
}
