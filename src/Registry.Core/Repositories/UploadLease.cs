using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Oci;
using Registry.Core.Storage;

namespace Registry.Core.Repositories;

/// <summary>
/// One request at a time per upload session: taking its hold (<see cref="UploadHold"/>) and re-reading it under the
/// hold, and ending a held session.
/// </summary>
internal sealed class UploadLease(RegistryDbContext db, IBlobStore store, UploadHashes hashes, IServiceScopeFactory scopes)
{
    /// <summary>
    /// Takes the upload's hold, so that this request alone writes, commits or discards it, and reads it again:
    /// a request that held it a moment ago may have moved it on (416) or ended it (404).
    /// </summary>
    /// <param name="expectedSize">The size the request works from; null when any will do.</param>
    public async Task<HeldUpload> HoldAsync(UploadSession session, long? expectedSize, CancellationToken cancellationToken)
    {
        var hold = await UploadHold.TryTakeAsync(scopes, session.Id, cancellationToken);
        try
        {
            var current = await db.UploadSessions.AsNoTracking().FirstOrDefaultAsync(u => u.Id == session.Id, cancellationToken)
                ?? throw UploadErrors.UploadUnknown(session.Id.ToString("N"), session.RepositoryName);
            if (hold is null)
            {
                throw new RegistryException(OciErrorCode.RangeInvalid, "another request is writing to this upload; resume from its Range once it is done");
            }

            if (expectedSize is { } expected && current.Size != expected)
            {
                throw new RegistryException(OciErrorCode.RangeInvalid, $"the upload moved on to {current.Size} bytes while this request started at {expected}; resume from its Range");
            }

            return new HeldUpload(current, hold);
        }
        catch
        {
            if (hold is not null)
            {
                await hold.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Ends a held upload: its record first, so that a request taking the hold next finds nothing, then its bytes.</summary>
    public async Task DiscardHeldAsync(UploadCursor upload, CancellationToken cancellationToken)
    {
        await db.UploadSessions.Where(u => u.Id == upload.Id).ExecuteDeleteAsync(cancellationToken);
        hashes.Forget(upload.Id);
        await store.DeleteUploadAsync(upload, cancellationToken);
    }
}

/// <summary>A session as it stood when its hold was taken, and the hold.</summary>
internal sealed record HeldUpload(UploadSession Session, UploadHold Hold) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Hold.DisposeAsync();
}

internal static class UploadSessionCursor
{
    /// <summary>Where the store's bytes of the session stand.</summary>
    public static UploadCursor Cursor(this UploadSession session) => new(session.Id, session.Size, session.StoreState);
}
