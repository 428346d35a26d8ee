using Microsoft.EntityFrameworkCore;
using Gallery.Indexer.Indexing;
using Registry.Core.Data;

namespace Gallery.Indexer.Diagnostics;

/// <summary>How far an index replica is behind: outbox events after its checkpoint, and how old the oldest of them is.</summary>
public sealed record IndexLag(long Events, TimeSpan Behind);

/// <summary>
/// Reads this replica's lag from the database (its checkpoint, through <see cref="CheckpointStore"/>, and the outbox),
/// so it is the same figure whether this process writes the index or reads one a separate indexer writes.
/// </summary>
public sealed class IndexLagProbe(RegistryDbContext db, CheckpointStore checkpoints, TimeProvider clock)
{
    public IndexLag Read()
    {
        var position = checkpoints.Passed();
        var pending = db.Events.AsNoTracking().Where(e => e.Id > position);
        var oldest = pending.Min(e => (DateTime?)e.OccurredAt);
        if (oldest is null)
        {
            return new IndexLag(0, TimeSpan.Zero);
        }

        var behind = clock.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(oldest.Value, DateTimeKind.Utc);
        return new IndexLag(pending.LongCount(), behind < TimeSpan.Zero ? TimeSpan.Zero : behind);
    }

    /// <summary>Null while the database cannot be read (the readiness check says why; a scrape just skips the figure).</summary>
    public IndexLag? TryRead()
    {
        try
        {
            return Read();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return null;
        }
    }
}
