using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Diagnostics;
using Registry.Core.Oci;
using Registry.Core.Storage;

namespace Registry.Core.Repositories;

/// <summary>
/// Blob uploads: monolithic, or a session fed in order by chunks and completed with the digest the client claims.
/// Bytes are hashed while they stream to storage; a blob is committed and linked only when its digest matches.
/// A session lives in the database (its size, the store's notes, who writes to it now), so any node continues it.
/// </summary>
public sealed class UploadService(
    RegistryDbContext db,
    IBlobStore store,
    UploadHashes hashes,
    BlobService blobs,
    RepositoryService repositories,
    IServiceScopeFactory scopes,
    RegistryMetrics metrics,
    IOptions<RegistryOptions> options)
{
    private long MaxBlobBytes => options.Value.Limits.MaxLayerBytes;

    public async Task<UploadSession> StartAsync(RepositoryName name, CancellationToken cancellationToken)
    {
        await repositories.GetForPushAsync(name, cancellationToken);
        var now = DateTime.UtcNow;
        var session = new UploadSession { Id = Guid.NewGuid(), RepositoryName = name.FullName, StartedAt = now, UpdatedAt = now };
        db.UploadSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return session;
    }

    public async Task<UploadSession> GetAsync(RepositoryName name, string uploadId, CancellationToken cancellationToken)
    {
        var session = Guid.TryParseExact(uploadId, "N", out var id) || Guid.TryParse(uploadId, out id)
            ? await db.UploadSessions.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken)
            : null;
        if (session is null || session.RepositoryName != name.FullName || IsExpired(session))
        {
            throw UploadUnknown(uploadId, name.FullName);
        }

        return session;
    }

    /// <summary>Appends a chunk; it must start where the upload ends (416 otherwise).</summary>
    public async Task<UploadSession> AppendAsync(RepositoryName name, string uploadId, Stream body, string? contentRange, long? contentLength, CancellationToken cancellationToken)
    {
        var session = await GetAsync(name, uploadId, cancellationToken);
        await using var hold = await HoldAsync(session, session.Size, cancellationToken);
        return await AppendHeldAsync(hold.Session, hold.Hold, body, contentRange, contentLength, cancellationToken);
    }

    /// <summary>Takes the last chunk (if any), checks the digest and commits the blob. A wrong digest stores nothing and ends the upload.</summary>
    public async Task CompleteAsync(RepositoryName name, string uploadId, Digest digest, Stream body, string? contentRange, long? contentLength, CancellationToken cancellationToken)
    {
        var session = await GetAsync(name, uploadId, cancellationToken);
        await using var hold = await HoldAsync(session, session.Size, cancellationToken);
        session = hold.Session;
        if (contentLength is not 0 || contentRange is not null)
        {
            session = await AppendHeldAsync(session, hold.Hold, body, contentRange, contentLength, cancellationToken);
        }

        var cursor = Cursor(session);
        try
        {
            await store.SealUploadAsync(cursor, cancellationToken);
        }
        catch (IOException)
        {
            // The bytes went missing or short under us: nothing here can be committed.
            await DiscardHeldAsync(cursor, CancellationToken.None);
            throw new RegistryException(OciErrorCode.BlobUploadInvalid, "the upload's bytes are missing or incomplete on the server; start the upload again");
        }

        var actual = await HashUploadAsync(session, digest.Algorithm, cancellationToken);
        if (actual != digest)
        {
            await DiscardHeldAsync(cursor, CancellationToken.None);
            throw DigestMismatch(digest, actual);
        }

        // The session ends before its bytes move: a request that takes the hold next finds nothing to write into.
        // Should the commit fail now, the janitor removes the bytes no session owns.
        await db.UploadSessions.Where(u => u.Id == session.Id).ExecuteDeleteAsync(cancellationToken);
        hashes.Forget(session.Id);
        await store.CommitUploadAsync(session.Id, digest, cancellationToken);

        var repositoryId = await repositories.GetForPushAsync(name, cancellationToken);
        await blobs.LinkAsync(repositoryId, digest, session.Size, cancellationToken);
        metrics.BlobPushed(session.Size);
    }

    /// <summary>A whole blob in one request (<c>POST ?digest=</c>); no session is recorded.</summary>
    public async Task UploadMonolithicAsync(RepositoryName name, Digest digest, Stream body, CancellationToken cancellationToken)
    {
        var cursor = UploadCursor.Start(Guid.NewGuid());
        using var hash = digest.CreateHash();
        try
        {
            var hashing = new HashingReadStream(body, hash, MaxBlobBytes);
            cursor = await store.AppendUploadAsync(cursor, hashing, cancellationToken);
            var actual = Digest.FromHash(digest.Algorithm, hash.GetHashAndReset());
            if (actual != digest)
            {
                throw DigestMismatch(digest, actual);
            }

            await store.SealUploadAsync(cursor, cancellationToken);
            await store.CommitUploadAsync(cursor.Id, digest, cancellationToken);
            var repositoryId = await repositories.GetForPushAsync(name, cancellationToken);
            await blobs.LinkAsync(repositoryId, digest, cursor.Size, cancellationToken);
            metrics.BlobPushed(cursor.Size);
        }
        finally
        {
            await store.DeleteUploadAsync(cursor, CancellationToken.None);
        }
    }

    public async Task CancelAsync(RepositoryName name, string uploadId, CancellationToken cancellationToken)
    {
        var session = await GetAsync(name, uploadId, cancellationToken);
        await using var hold = await HoldAsync(session, expectedSize: null, cancellationToken);
        await DiscardHeldAsync(Cursor(hold.Session), cancellationToken);
    }

    /// <summary>
    /// Removes sessions idle for longer than the configured lifetime, and their bytes (one being written is left for
    /// the next round), then bytes in the store that no session owns and that are older than the lifetime: uploads
    /// whose node died, object-store multipart uploads left open.
    /// </summary>
    public async Task<int> ExpireAsync(CancellationToken cancellationToken)
    {
        var cutoff = DateTime.UtcNow - options.Value.Limits.UploadSessionLifetime;
        var expired = await db.UploadSessions.AsNoTracking().Where(u => u.UpdatedAt < cutoff).Select(u => u.Id).Take(1000).ToListAsync(cancellationToken);
        var removed = 0;
        foreach (var id in expired)
        {
            await using var hold = await UploadHold.TryTakeAsync(scopes, id, cancellationToken);
            var session = hold is null ? null : await db.UploadSessions.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.UpdatedAt < cutoff, cancellationToken);
            if (session is not null && await db.UploadSessions.Where(u => u.Id == id).ExecuteDeleteAsync(cancellationToken) > 0)
            {
                hashes.Forget(id);
                await store.DeleteUploadAsync(Cursor(session), cancellationToken);
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

    /// <summary>
    /// Takes the upload's hold, so that this request alone writes, commits or discards it, and reads it again:
    /// a request that held it a moment ago may have moved it on (416) or ended it (404).
    /// </summary>
    /// <param name="expectedSize">The size the request works from; null when any will do.</param>
    private async Task<HeldUpload> HoldAsync(UploadSession session, long? expectedSize, CancellationToken cancellationToken)
    {
        var hold = await UploadHold.TryTakeAsync(scopes, session.Id, cancellationToken);
        try
        {
            var current = await db.UploadSessions.AsNoTracking().FirstOrDefaultAsync(u => u.Id == session.Id, cancellationToken)
                ?? throw UploadUnknown(session.Id.ToString("N"), session.RepositoryName);
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

    /// <summary>Writes a chunk at the end of a held upload and records where it now stands.</summary>
    private async Task<UploadSession> AppendHeldAsync(UploadSession session, UploadHold hold, Stream body, string? contentRange, long? contentLength, CancellationToken cancellationToken)
    {
        var expected = ExpectedChunkLength(session, contentRange, contentLength);
        var hash = hashes.Take(session.Id, session.Size);
        UploadCursor after;
        try
        {
            var hashing = new HashingReadStream(body, hash, MaxBlobBytes - session.Size);
            after = await store.AppendUploadAsync(Cursor(session), hashing, cancellationToken);
        }
        catch
        {
            hash?.Dispose();
            throw;
        }

        var written = after.Size - session.Size;
        if (expected is { } length && length != written)
        {
            hash?.Dispose();
            throw new RegistryException(OciErrorCode.SizeInvalid, $"the chunk declared {length} bytes but {written} arrived");
        }

        var updated = await db.UploadSessions
            .Where(u => u.Id == session.Id && u.Size == session.Size && u.HoldId == hold.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Size, after.Size).SetProperty(x => x.StoreState, after.State).SetProperty(x => x.UpdatedAt, DateTime.UtcNow), cancellationToken);
        if (updated == 0)
        {
            hash?.Dispose();
            throw new RegistryException(OciErrorCode.RangeInvalid, "the upload changed while this chunk was written; resume from its current Range");
        }

        if (hash is not null)
        {
            hashes.Return(session.Id, after.Size, hash);
        }

        session.Size = after.Size;
        session.StoreState = after.State;
        return session;
    }

    private long? ExpectedChunkLength(UploadSession session, string? contentRange, long? contentLength)
    {
        if (contentRange is null)
        {
            return contentLength;
        }

        if (!ContentRange.TryParse(contentRange, out var range))
        {
            throw new RegistryException(OciErrorCode.RangeInvalid, $"Content-Range '{DisplayText.Shorten(contentRange)}' is not of the form <start>-<end>");
        }

        if (range.Value.Start != session.Size)
        {
            throw new RegistryException(OciErrorCode.RangeInvalid,
                $"chunk starts at byte {range.Value.Start} but the upload holds {session.Size} bytes; chunks must be sent in order without gaps or overlaps");
        }

        if (contentLength is { } declared && declared != range.Value.Length)
        {
            throw new RegistryException(OciErrorCode.SizeInvalid, $"Content-Range covers {range.Value.Length} bytes but Content-Length is {declared}");
        }

        return range.Value.Length;
    }

    /// <summary>
    /// The running hash when this process received every chunk so far; otherwise (chunks arrived at other nodes, or
    /// before a restart) the sealed upload is read back once, here, rather than at every change of node.
    /// </summary>
    private async Task<Digest> HashUploadAsync(UploadSession session, string algorithm, CancellationToken cancellationToken)
    {
        if (algorithm == Digest.Sha256 && hashes.Take(session.Id, session.Size) is { } running)
        {
            using (running)
            {
                return Digest.FromHash(algorithm, running.GetHashAndReset());
            }
        }

        using var hash = Digest.CreateHash(algorithm);
        await using var content = await store.OpenSealedUploadAsync(session.Id, cancellationToken);
        var buffer = new byte[1024 * 1024];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        return Digest.FromHash(algorithm, hash.GetHashAndReset());
    }

    /// <summary>Ends a held upload: its record first, so that a request taking the hold next finds nothing, then its bytes.</summary>
    private async Task DiscardHeldAsync(UploadCursor upload, CancellationToken cancellationToken)
    {
        await db.UploadSessions.Where(u => u.Id == upload.Id).ExecuteDeleteAsync(cancellationToken);
        hashes.Forget(upload.Id);
        await store.DeleteUploadAsync(upload, cancellationToken);
    }

    private static UploadCursor Cursor(UploadSession session) => new(session.Id, session.Size, session.StoreState);

    private bool IsExpired(UploadSession session) => session.UpdatedAt < DateTime.UtcNow - options.Value.Limits.UploadSessionLifetime;

    private static RegistryException UploadUnknown(string uploadId, string repository) =>
        new(OciErrorCode.BlobUploadUnknown, $"upload '{DisplayText.Shorten(uploadId)}' is unknown or has expired in repository '{repository}'", new { uploadId = DisplayText.Shorten(uploadId) });

    private static RegistryException DigestMismatch(Digest claimed, Digest actual) =>
        new(OciErrorCode.DigestInvalid, $"the uploaded content has digest {actual}, not {claimed}; nothing was stored", new { claimed = claimed.ToString(), actual = actual.ToString() });

    /// <summary>A session as it stood when its hold was taken, and the hold.</summary>
    private sealed record HeldUpload(UploadSession Session, UploadHold Hold) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Hold.DisposeAsync();
    }
}
