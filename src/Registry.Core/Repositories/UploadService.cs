using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
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
            throw new RegistryException(OciErrorCode.BlobUploadUnknown, $"upload '{DisplayText.Shorten(uploadId)}' is unknown or has expired in repository '{name}'", new { uploadId = DisplayText.Shorten(uploadId) });
        }

        return session;
    }

    /// <summary>Appends a chunk; it must start where the upload ends (416 otherwise).</summary>
    public async Task<UploadSession> AppendAsync(RepositoryName name, string uploadId, Stream body, string? contentRange, long? contentLength, CancellationToken cancellationToken)
    {
        var session = await GetAsync(name, uploadId, cancellationToken);
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
            throw new RegistryException(OciErrorCode.RangeInvalid, "another chunk was written to this upload at the same time; resume from its current Range");
        }

        if (hash is not null)
        {
            hashes.Return(session.Id, newSize, hash);
        }

        session.Size = newSize;
        return session;
    }

    /// <summary>Takes the last chunk (if any), checks the digest and commits the blob. A wrong digest stores nothing and ends the upload.</summary>
    public async Task CompleteAsync(RepositoryName name, string uploadId, Digest digest, Stream body, string? contentRange, long? contentLength, CancellationToken cancellationToken)
    {
        var session = contentLength is 0 && contentRange is null
            ? await GetAsync(name, uploadId, cancellationToken)
            : await AppendAsync(name, uploadId, body, contentRange, contentLength, cancellationToken);

        var actual = await HashUploadAsync(session, digest.Algorithm, cancellationToken);
        if (actual != digest)
        {
            await DiscardAsync(session.Id, cancellationToken);
            throw DigestMismatch(digest, actual);
        }

        await store.CommitUploadAsync(session.Id, digest, session.Size, cancellationToken);
        var repositoryId = await repositories.GetForPushAsync(name, cancellationToken);
        await blobs.LinkAsync(repositoryId, digest, session.Size, cancellationToken);
        await db.UploadSessions.Where(u => u.Id == session.Id).ExecuteDeleteAsync(cancellationToken);
        hashes.Forget(session.Id);
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
        }
        finally
        {
            await store.DeleteUploadAsync(uploadId, CancellationToken.None);
        }
    }

    public async Task CancelAsync(RepositoryName name, string uploadId, CancellationToken cancellationToken)
    {
        var session = await GetAsync(name, uploadId, cancellationToken);
        await DiscardAsync(session.Id, cancellationToken);
    }

    /// <summary>Removes sessions idle for longer than the configured lifetime, and their bytes.</summary>
    public async Task<int> ExpireAsync(CancellationToken cancellationToken)
    {
        var cutoff = DateTime.UtcNow - options.Value.Limits.UploadSessionLifetime;
        var expired = await db.UploadSessions.AsNoTracking().Where(u => u.UpdatedAt < cutoff).Select(u => u.Id).Take(1000).ToListAsync(cancellationToken);
        foreach (var id in expired)
        {
            await DiscardAsync(id, cancellationToken);
        }

        return expired.Count;
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

    private async Task DiscardAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        hashes.Forget(sessionId);
        await store.DeleteUploadAsync(sessionId, cancellationToken);
        await db.UploadSessions.Where(u => u.Id == sessionId).ExecuteDeleteAsync(cancellationToken);
    }

    private bool IsExpired(UploadSession session) => session.UpdatedAt < DateTime.UtcNow - options.Value.Limits.UploadSessionLifetime;

    private static RegistryException DigestMismatch(Digest claimed, Digest actual) =>
        new(OciErrorCode.DigestInvalid, $"the uploaded content has digest {actual}, not {claimed}; nothing was stored", new { claimed = claimed.ToString(), actual = actual.ToString() });
}
