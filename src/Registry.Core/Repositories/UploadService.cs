using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
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
/// </summary>
public sealed class UploadService(
    RegistryDbContext db,
    IBlobStore store,
    UploadHashes hashes,
    BlobService blobs,
    RepositoryService repositories,
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
        return await AppendHeldAsync(session, body, contentRange, contentLength, cancellationToken);
    }

    /// <summary>Takes the last chunk (if any), checks the digest and commits the blob. A wrong digest stores nothing and ends the upload.</summary>
    public async Task CompleteAsync(RepositoryName name, string uploadId, Digest digest, Stream body, string? contentRange, long? contentLength, CancellationToken cancellationToken)
    {
        var session = await GetAsync(name, uploadId, cancellationToken);
        await using var hold = await HoldAsync(session, session.Size, cancellationToken);
        if (contentLength is not 0 || contentRange is not null)
        {
            session = await AppendHeldAsync(session, body, contentRange, contentLength, cancellationToken);
        }

        var actual = await HashUploadAsync(session, digest.Algorithm, cancellationToken);
        if (actual != digest)
        {
            await DiscardHeldAsync(session.Id, cancellationToken);
            throw DigestMismatch(digest, actual);
        }

        // The session ends before its bytes move: a request that takes the hold next finds nothing to write into.
        await db.UploadSessions.Where(u => u.Id == session.Id).ExecuteDeleteAsync(cancellationToken);
        hashes.Forget(session.Id);
        try
        {
            await store.CommitUploadAsync(session.Id, digest, session.Size, cancellationToken);
        }
        catch (IOException)
        {
            // The bytes went missing or short under us; the session is gone, so nothing else would remove them.
            await store.DeleteUploadAsync(session.Id, CancellationToken.None);
            throw new RegistryException(OciErrorCode.BlobUploadInvalid, "the upload's bytes are missing or incomplete on the server; start the upload again");
        }

        var repositoryId = await repositories.GetForPushAsync(name, cancellationToken);
        await blobs.LinkAsync(repositoryId, digest, session.Size, cancellationToken);
        metrics.BlobPushed(session.Size);
    }

    /// <summary>A whole blob in one request (<c>POST ?digest=</c>); no session is recorded.</summary>
    public async Task UploadMonolithicAsync(RepositoryName name, Digest digest, Stream body, CancellationToken cancellationToken)
    {
        var uploadId = Guid.NewGuid();
        using var hash = digest.CreateHash();
        try
        {
            var hashing = new HashingReadStream(body, hash, MaxBlobBytes);
            var size = await store.WriteUploadAsync(uploadId, 0, hashing, cancellationToken);
            var actual = Digest.FromHash(digest.Algorithm, hash.GetHashAndReset());
            if (actual != digest)
            {
                throw DigestMismatch(digest, actual);
            }

            await store.CommitUploadAsync(uploadId, digest, size, cancellationToken);
            var repositoryId = await repositories.GetForPushAsync(name, cancellationToken);
            await blobs.LinkAsync(repositoryId, digest, size, cancellationToken);
            metrics.BlobPushed(size);
        }
        finally
        {
            await store.DeleteUploadAsync(uploadId, CancellationToken.None);
        }
    }

    public async Task CancelAsync(RepositoryName name, string uploadId, CancellationToken cancellationToken)
    {
        var session = await GetAsync(name, uploadId, cancellationToken);
        await using var hold = await HoldAsync(session, expectedSize: null, cancellationToken);
        await DiscardHeldAsync(session.Id, cancellationToken);
    }

    /// <summary>Removes sessions idle for longer than the configured lifetime, and their bytes; one being written is left for the next round.</summary>
    public async Task<int> ExpireAsync(CancellationToken cancellationToken)
    {
        var cutoff = DateTime.UtcNow - options.Value.Limits.UploadSessionLifetime;
        var expired = await db.UploadSessions.AsNoTracking().Where(u => u.UpdatedAt < cutoff).Select(u => u.Id).Take(1000).ToListAsync(cancellationToken);
        var removed = 0;
        foreach (var id in expired)
        {
            await using var hold = await store.TryHoldUploadAsync(id, cancellationToken);
            if (hold is not null && await db.UploadSessions.Where(u => u.Id == id && u.UpdatedAt < cutoff).ExecuteDeleteAsync(cancellationToken) > 0)
            {
                hashes.Forget(id);
                await store.DeleteUploadAsync(id, cancellationToken);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>
    /// Takes the upload's hold, so that this request alone writes, commits or discards it, and reads its size again:
    /// a request that held it a moment ago may have moved it on (416) or ended it (404).
    /// </summary>
    /// <param name="expectedSize">The size the request works from; null when any will do.</param>
    private async Task<IAsyncDisposable> HoldAsync(UploadSession session, long? expectedSize, CancellationToken cancellationToken)
    {
        var hold = await store.TryHoldUploadAsync(session.Id, cancellationToken)
            ?? throw new RegistryException(OciErrorCode.RangeInvalid, "another request is writing to this upload; resume from its Range once it is done");
        try
        {
            var size = await db.UploadSessions.AsNoTracking().Where(u => u.Id == session.Id).Select(u => (long?)u.Size).FirstOrDefaultAsync(cancellationToken);
            if (size is null)
            {
                // Another request ended the upload while this one waited; taking the hold made its file again.
                await store.DeleteUploadAsync(session.Id, CancellationToken.None);
                throw UploadUnknown(session.Id.ToString("N"), session.RepositoryName);
            }

            if (expectedSize is { } expected && size != expected)
            {
                throw new RegistryException(OciErrorCode.RangeInvalid, $"the upload moved on to {size} bytes while this request started at {expected}; resume from its Range");
            }

            return hold;
        }
        catch
        {
            await hold.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes a chunk at the end of a held upload and records its new size.</summary>
    private async Task<UploadSession> AppendHeldAsync(UploadSession session, Stream body, string? contentRange, long? contentLength, CancellationToken cancellationToken)
    {
        var expected = ExpectedChunkLength(session, contentRange, contentLength);
        var hash = hashes.Take(session.Id, session.Size);
        long written;
        try
        {
            var hashing = new HashingReadStream(body, hash, MaxBlobBytes - session.Size);
            written = await store.WriteUploadAsync(session.Id, session.Size, hashing, cancellationToken);
        }
        catch
        {
            hash?.Dispose();
            throw;
        }

        if (expected is { } length && length != written)
        {
            hash?.Dispose();
            throw new RegistryException(OciErrorCode.SizeInvalid, $"the chunk declared {length} bytes but {written} arrived");
        }

        var newSize = session.Size + written;
        var updated = await db.UploadSessions
            .Where(u => u.Id == session.Id && u.Size == session.Size)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Size, newSize).SetProperty(x => x.UpdatedAt, DateTime.UtcNow), cancellationToken);
        if (updated == 0)
        {
            hash?.Dispose();
            throw new RegistryException(OciErrorCode.RangeInvalid, "the upload changed while this chunk was written; resume from its current Range");
        }

        if (hash is not null)
        {
            hashes.Return(session.Id, newSize, hash);
        }

        session.Size = newSize;
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
        await using var content = await store.OpenUploadAsync(session.Id, session.Size, cancellationToken);
        var buffer = new byte[1024 * 1024];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        return Digest.FromHash(algorithm, hash.GetHashAndReset());
    }

    /// <summary>Ends a held upload: its record first, so that a request taking the hold next finds nothing, then its bytes.</summary>
    private async Task DiscardHeldAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await db.UploadSessions.Where(u => u.Id == sessionId).ExecuteDeleteAsync(cancellationToken);
        hashes.Forget(sessionId);
        await store.DeleteUploadAsync(sessionId, cancellationToken);
    }

    private bool IsExpired(UploadSession session) => session.UpdatedAt < DateTime.UtcNow - options.Value.Limits.UploadSessionLifetime;

    private static RegistryException UploadUnknown(string uploadId, string repository) =>
        new(OciErrorCode.BlobUploadUnknown, $"upload '{DisplayText.Shorten(uploadId)}' is unknown or has expired in repository '{repository}'", new { uploadId = DisplayText.Shorten(uploadId) });

    private static RegistryException DigestMismatch(Digest claimed, Digest actual) =>
        new(OciErrorCode.DigestInvalid, $"the uploaded content has digest {actual}, not {claimed}; nothing was stored", new { claimed = claimed.ToString(), actual = actual.ToString() });
}
