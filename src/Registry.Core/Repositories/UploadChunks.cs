using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Oci;
using Registry.Core.Storage;

namespace Registry.Core.Repositories;

/// <summary>
/// Writes a chunk at the end of a held upload: hashed as it streams to storage (the running hash stays in memory
/// between chunks, <see cref="UploadHashes"/>), checked against what the request declared, and recorded.
/// </summary>
internal sealed class UploadChunks(RegistryDbContext db, IBlobStore store, UploadHashes hashes, long maxBlobBytes)
{
    public async Task<UploadSession> AppendHeldAsync(UploadSession session, UploadHold hold, Stream body, string? contentRange, long? contentLength, CancellationToken cancellationToken)
    {
        var expected = ExpectedChunkLength(session, contentRange, contentLength);
        var hash = hashes.Take(session.Id, session.Size);
        UploadCursor after;
        try
        {
            var hashing = new HashingReadStream(body, hash, maxBlobBytes - session.Size);
            after = await store.AppendUploadAsync(session.Cursor(), hashing, cancellationToken);
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

    private static long? ExpectedChunkLength(UploadSession session, string? contentRange, long? contentLength)
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
}
