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
/// A session lives in the database (its size, the store's notes, who writes to it now), so any node continues it;
/// one request at a time holds it (<see cref="UploadLease"/>), and the janitor ends those left idle (<see cref="UploadExpiry"/>).
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
    private readonly UploadLease _lease = new(db, store, hashes, scopes);
    private readonly UploadChunks _chunks = new(db, store, hashes, options.Value.Limits.MaxLayerBytes);

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
            throw UploadErrors.UploadUnknown(uploadId, name.FullName);
        }

        return session;
    }

    /// <summary>Appends a chunk; it must start where the upload ends (416 otherwise).</summary>
    public async Task<UploadSession> AppendAsync(RepositoryName name, string uploadId, Stream body, string? contentRange, long? contentLength, CancellationToken cancellationToken)
    {
        var session = await GetAsync(name, uploadId, cancellationToken);
        await using var hold = await _lease.HoldAsync(session, session.Size, cancellationToken);
        return await _chunks.AppendHeldAsync(hold.Session, hold.Hold, body, contentRange, contentLength, cancellationToken);
    }

    /// <summary>Takes the last chunk (if any), checks the digest and commits the blob. A wrong digest stores nothing and ends the upload.</summary>
    public async Task CompleteAsync(RepositoryName name, string uploadId, Digest digest, Stream body, string? contentRange, long? contentLength, CancellationToken cancellationToken)
    {
        var session = await GetAsync(name, uploadId, cancellationToken);
        await using var hold = await _lease.HoldAsync(session, session.Size, cancellationToken);
        session = hold.Session;
        if (contentLength is not 0 || contentRange is not null)
        {
            session = await _chunks.AppendHeldAsync(session, hold.Hold, body, contentRange, contentLength, cancellationToken);
        }

        var cursor = session.Cursor();
        try
        {
            await store.SealUploadAsync(cursor, cancellationToken);
        }
        catch (IOException)
        {
            // The bytes went missing or short under us: nothing here can be committed.
            await _lease.DiscardHeldAsync(cursor, CancellationToken.None);
            throw new RegistryException(OciErrorCode.BlobUploadInvalid, "the upload's bytes are missing or incomplete on the server; start the upload again");
        }

        var actual = await HashUploadAsync(session, digest.Algorithm, cancellationToken);
        if (actual != digest)
        {
            await _lease.DiscardHeldAsync(cursor, CancellationToken.None);
            throw UploadErrors.DigestMismatch(digest, actual);
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
                throw UploadErrors.DigestMismatch(digest, actual);
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
        await using var hold = await _lease.HoldAsync(session, expectedSize: null, cancellationToken);
        await _lease.DiscardHeldAsync(hold.Session.Cursor(), cancellationToken);
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

    private bool IsExpired(UploadSession session) => session.UpdatedAt < UploadExpiry.Cutoff(options.Value);
}
