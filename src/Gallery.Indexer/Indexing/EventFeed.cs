using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Gallery.Indexer.Indexing;

/// <summary>Reads the outbox: events after the highest id seen, and the missing ids below it that may have committed since.</summary>
public sealed class EventFeed(RegistryDbContext db)
{
    public const int BatchSize = 500;

    public async Task<IReadOnlyList<RegistryEvent>> ReadAsync(EventGapTracker tracker, CancellationToken cancellationToken)
    {
        var after = tracker.MaxSeen;
        var missing = tracker.Missing.ToList();
        var events = await db.Events.AsNoTracking()
            .Where(e => e.Id > after || missing.Contains(e.Id))
            .OrderBy(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
        tracker.Observe(events.Select(e => e.Id));
        return events;
    }

    /// <summary>Reads batch after batch until one comes back short: all the outbox holds for the tracker now.</summary>
    public async IAsyncEnumerable<IReadOnlyList<RegistryEvent>> ReadAllAsync(EventGapTracker tracker, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var events = await ReadAsync(tracker, cancellationToken);
            yield return events;
            if (events.Count < BatchSize)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// Where a rebuild of the whole index, started now, may put the checkpoint: before every event that could still
    /// be in an open transaction (those younger than the gap timeout), else after the last one.
    /// </summary>
    public async Task<long> SafePositionAsync(TimeSpan gapTimeout, CancellationToken cancellationToken)
    {
        var since = DateTime.UtcNow - gapTimeout;
        var firstRecent = await db.Events.AsNoTracking().Where(e => e.OccurredAt >= since).MinAsync(e => (long?)e.Id, cancellationToken);
        if (firstRecent is { } id)
        {
            return id - 1;
        }

        return await db.Events.AsNoTracking().MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
    }

    /// <summary>The newest event's id (0 when there is none): where a follower that only reports what comes next starts.</summary>
    public async Task<long> LatestIdAsync(CancellationToken cancellationToken) =>
        await db.Events.AsNoTracking().MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
}
