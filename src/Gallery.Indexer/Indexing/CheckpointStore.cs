using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Gallery.Indexer.Indexing;

/// <summary>The indexer's outbox position, kept in the database (one row per index replica, by name).</summary>
public sealed class CheckpointStore(RegistryDbContext db, IOptions<IndexOptions> options)
{
    public async Task<long?> LoadAsync(CancellationToken cancellationToken) =>
        await db.IndexerCheckpoints.AsNoTracking().Where(c => c.Name == options.Value.Name).Select(c => (long?)c.Position).FirstOrDefaultAsync(cancellationToken);

    public async Task SaveAsync(long position, CancellationToken cancellationToken)
    {
        var row = await db.IndexerCheckpoints.FirstOrDefaultAsync(c => c.Name == options.Value.Name, cancellationToken);
        if (row is null)
        {
            db.IndexerCheckpoints.Add(new IndexerCheckpoint { Name = options.Value.Name, Position = position, UpdatedAt = DateTime.UtcNow });
        }
        else
        {
            row.Position = position;
            row.UpdatedAt = DateTime.UtcNow;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
