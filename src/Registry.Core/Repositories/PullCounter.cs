using System.Collections.Concurrent;

namespace Registry.Core.Repositories;

/// <summary>
/// Counts manifest pulls in memory, per repository and tag (pulls by digest under an empty tag), until <see cref="PullCountFlusher"/> writes them to the database
/// in one batch: a pull costs a dictionary update, not a database write.
/// </summary>
public sealed class PullCounter
{
    private ConcurrentDictionary<(string Repository, string Tag), Tally> _pending = new();

    /// <summary>Pulls of one tag of a repository; <paramref name="Tag"/> is empty for pulls by digest.</summary>
    public sealed record PullTally(string Repository, string Tag, long Count, DateTime LastPulledAt);

    public void Record(string repository, string? tag = null) =>
        _pending.AddOrUpdate((repository, tag ?? ""), static _ => new Tally(DateTime.UtcNow), static (_, tally) => tally.Add(DateTime.UtcNow));

    /// <summary>Takes every count recorded so far; later pulls go to a fresh set.</summary>
    public IReadOnlyList<PullTally> Drain()
    {
        var taken = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<(string Repository, string Tag), Tally>());
        return taken.Select(kv => new PullTally(kv.Key.Repository, kv.Key.Tag, kv.Value.Count, kv.Value.LastPulledAt)).ToList();
    }

    /// <summary>Puts back counts that could not be written, so a failed flush loses nothing.</summary>
    public void Restore(IEnumerable<PullTally> tallies)
    {
        foreach (var tally in tallies)
        {
            _pending.AddOrUpdate((tally.Repository, tally.Tag), _ => new Tally(tally.LastPulledAt, tally.Count), (_, current) => current.Merge(tally));
        }
    }

    private sealed class Tally(DateTime at, long count = 1)
    {
        private long _count = count;
        private long _lastTicks = at.Ticks;

        public long Count => Interlocked.Read(ref _count);

        public DateTime LastPulledAt => new(Interlocked.Read(ref _lastTicks), DateTimeKind.Utc);

        public Tally Add(DateTime at) => Merge(1, at);

        public Tally Merge(PullTally other) => Merge(other.Count, other.LastPulledAt);

        private Tally Merge(long count, DateTime at)
        {
            Interlocked.Add(ref _count, count);
            long seen;
            while ((seen = Interlocked.Read(ref _lastTicks)) < at.Ticks && Interlocked.CompareExchange(ref _lastTicks, at.Ticks, seen) != seen)
            {
            }

            return this;
        }
    }
}
