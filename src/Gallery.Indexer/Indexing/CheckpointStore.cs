using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Registry.Core.Cluster;
using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Gallery.Indexer.Indexing;

/// <summary>
/// The outbox followers' checkpoints, kept in the database by name: how far each has passed, and when it last said
/// so. One row per index replica (<see cref="Name"/>) and one for the webhook worker (<c>webhooks</c>, shared by every
/// node). The outbox is pruned behind the live rows (<see cref="Registry.Core.Events.OutboxPruner"/>).
/// </summary>
public sealed class CheckpointStore(RegistryDbContext db, IOptions<IndexOptions> options, NodeIdentity node)
{
    /// <summary>This index replica's row.</summary>
    public string Name => options.Value.Name ?? "index-" + node.Id;

    /// <summary>When this replica last saved its checkpoint; null when it never did.</summary>
    public async Task<DateTime?> LastSavedAsync(CancellationToken cancellationToken) =>
        await Row(Name).Select(c => (DateTime?)c.UpdatedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Where this replica's checkpoint stands (0 before its first save), read synchronously for probes and meters.</summary>
    public long Passed() => Row(Name).Select(c => (long?)c.Position).FirstOrDefault() ?? 0;

    /// <param name="passed">Every event at or below it is reflected in the index (or can never appear).</param>
    public Task SaveAsync(long passed, CancellationToken cancellationToken) => SaveAsync(Name, passed, cancellationToken);

    public async Task<long?> LoadAsync(string name, CancellationToken cancellationToken) =>
        await Row(name).Select(c => (long?)c.Position).FirstOrDefaultAsync(cancellationToken);

    public async Task SaveAsync(string name, long passed, CancellationToken cancellationToken)
    {
        var row = await db.IndexerCheckpoints.FirstOrDefaultAsync(c => c.Name == name, cancellationToken);
        if (row is null)
        {
            db.IndexerCheckpoints.Add(new IndexerCheckpoint { Name = name, Position = passed, UpdatedAt = DateTime.UtcNow });
        }
        else
        {
            row.Position = passed;
            row.UpdatedAt = DateTime.UtcNow;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private IQueryable<IndexerCheckpoint> Row(string name) => db.IndexerCheckpoints.AsNoTracking().Where(c => c.Name == name);
}
