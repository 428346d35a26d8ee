namespace Gallery.Indexer.Indexing;

/// <summary>
/// Follows outbox ids that may become visible out of order. In PostgreSQL a transaction takes its event id when it
/// inserts but becomes visible when it commits, so id 7 can be read before id 6. Every id below the highest seen
/// that has not been read is remembered as missing and asked for again at every read. For up to
/// <paramref name="timeout"/> a missing id holds <see cref="Position"/> back; after that it is late: the position
/// moves past it (a rolled-back transaction leaves a hole for ever, which must not hold the index back), but it is
/// still asked for at every read, and kept across restarts (<see cref="Late"/>), until it appears or
/// <paramref name="lateLimit"/> has passed (the outbox retention: an event that old may be pruned anyway).
/// </summary>
public sealed class EventGapTracker(long position, IReadOnlyDictionary<long, DateTimeOffset> late, TimeSpan timeout, TimeSpan lateLimit, TimeProvider time)
{
    /// <summary>A jump larger than this in one step is not tracked id by id (only the ids just below the new one are).</summary>
    public const int MaxTrackedGap = 10_000;

    /// <summary>The most late ids kept; beyond it the oldest are given up.</summary>
    public const int MaxLate = 10_000;

    private readonly SortedDictionary<long, DateTimeOffset> _missing = [];
    private readonly SortedDictionary<long, DateTimeOffset> _late = new(late.ToDictionary());

    public long MaxSeen { get; private set; } = position;

    /// <summary>Every id to ask for again: the missing ones still waited for, then the late ones.</summary>
    public IEnumerable<long> Missing => _missing.Keys.Concat(_late.Keys);

    /// <summary>Ids missed for longer than the timeout, with when they were first missed: still asked for.</summary>
    public IReadOnlyDictionary<long, DateTimeOffset> Late => _late;

    /// <summary>Where a restart resumes (with <see cref="Late"/>): every id at or below it has been read, or is late.</summary>
    public long Position => _missing.Count == 0 ? MaxSeen : _missing.Keys.First() - 1;

    /// <summary>Every id at or below this has been read or given up: what the outbox may be pruned up to for this follower.</summary>
    public long Passed => _late.Count == 0 ? Position : Math.Min(Position, _late.Keys.First() - 1);

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
            else if (!_missing.Remove(id))
            {
                _late.Remove(id);
            }
        }
    }

    /// <summary>Stops waiting for ids missing longer than the timeout (they become late), and gives up late ids past the limit.</summary>
    public void Expire()
    {
        var now = time.GetUtcNow();
        foreach (var (id, since) in _missing.Where(kv => kv.Value <= now - timeout).ToList())
        {
            _missing.Remove(id);
            _late[id] = since;
        }

        foreach (var id in _late.Where(kv => kv.Value <= now - lateLimit).Select(kv => kv.Key).ToList())
        {
            _late.Remove(id);
        }

        while (_late.Count > MaxLate)
        {
            _late.Remove(_late.Keys.First());
        }
    }
}
