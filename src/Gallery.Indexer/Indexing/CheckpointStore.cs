using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Gallery.Indexer.Indexing;

/// <summary>
/// Outbox positions of its followers, kept in the database by name: one row per index replica (the index's
/// configured name) and one for the webhook worker (<c>webhooks</c>).
/// </summary>
public sealed class CheckpointStore(RegistryDbContext db, IOptions<IndexOptions> options)
{
    public Task<long?> LoadAsync(CancellationToken cancellationToken) => LoadAsync(options.Value.Name, cancellationToken);

    public Task SaveAsync(long position, CancellationToken cancellationToken) => SaveAsync(options.Value.Name, position, cancellationToken);

    public async Task<long?> LoadAsync(string name, CancellationToken cancellationToken) =>
        await db.IndexerCheckpoints.AsNoTracking().Where(c => c.Name == name).Select(c => (long?)c.Position).FirstOrDefaultAsync(cancellationToken);

    public async Task SaveAsync(string name, long position, CancellationToken cancellationToken)
    {
        var row = await db.IndexerCheckpoints.FirstOrDefaultAsync(c => c.Name == name, cancellationToken);
        if (row is null)
        {
            db.IndexerCheckpoints.Add(new IndexerCheckpoint { Name = name, Position = position, UpdatedAt = DateTime.UtcNow });
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
