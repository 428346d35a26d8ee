using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registry.Core.Data;
using Registry.Core.Storage;

namespace Registry.Core.Repositories;

/// <summary>How long an untouched upload session lives, and the janitor's sweep of those past it.</summary>
public sealed class UploadExpiry(
    RegistryDbContext db,
    IBlobStore store,
    UploadHashes hashes,
    IServiceScopeFactory scopes,
    IOptions<RegistryOptions> options)
{
    /// <summary>A session last changed before this is expired.</summary>
    public static DateTime Cutoff(RegistryOptions options) => DateTime.UtcNow - options.Limits.UploadSessionLifetime;

    /// <summary>
    /// Removes sessions idle for longer than the configured lifetime, and their bytes (one being written is left for
    /// the next round), then bytes in the store that no session owns and that are older than the lifetime: uploads
    /// whose node died, object-store multipart uploads left open.
    /// </summary>
    public async Task<int> ExpireAsync(CancellationToken cancellationToken)
    {
        var cutoff = Cutoff(options.Value);
        var expired = await db.UploadSessions.AsNoTracking().Where(u => u.UpdatedAt < cutoff).Select(u => u.Id).Take(1000).ToListAsync(cancellationToken);
        var removed = 0;
        foreach (var id in expired)
        {
            await using var hold = await UploadHold.TryTakeAsync(scopes, id, cancellationToken);
            var session = hold is null ? null : await db.UploadSessions.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.UpdatedAt < cutoff, cancellationToken);
            if (session is not null && await db.UploadSessions.Where(u => u.Id == id).ExecuteDeleteAsync(cancellationToken) > 0)
            {
                hashes.Forget(id);
                await store.DeleteUploadAsync(session.Cursor(), cancellationToken);
                removed++;
            }
        }

        await foreach (var upload in store.ListUploadsAsync(cancellationToken))
        {
            if (upload.StartedAt < cutoff && !await db.UploadSessions.AnyAsync(u => u.Id == upload.Id, cancellationToken))
            {
                await store.DeleteUploadAsync(new UploadCursor(upload.Id, 0, upload.State), cancellationToken);
                removed++;
            }
        }

        return removed;
    }
}
