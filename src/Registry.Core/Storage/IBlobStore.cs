using Registry.Core.Oci;

namespace Registry.Core.Storage;

/// <summary>
/// Content-addressed blob storage shared by every repository and every node, plus the bytes of upload sessions.
/// Shaped to what object storage can do: reads are forward-only (a byte range at most), uploads only grow at
/// their end, and the store keeps no locks: the caller records where an upload stands (<see cref="UploadCursor"/>,
/// in the upload session's database row) and lets one request at a time write to it. Data becomes visible under
/// its digest only on commit; callers verify digests before committing, the store does not.
/// </summary>
public interface IBlobStore
{
    /// <summary>The stored size of a blob, or null when the store does not hold it.</summary>
    Task<long?> GetSizeAsync(Digest digest, CancellationToken cancellationToken);

    /// <summary>
    /// A forward-only stream over a blob, or over <paramref name="range"/> of it (which must lie within the blob);
    /// null when the store does not hold it.
    /// </summary>
    Task<Stream?> OpenReadAsync(Digest digest, ByteRange? range, CancellationToken cancellationToken);

    /// <summary>
    /// A short-lived URL a client can fetch the blob from without this server, or null when the store has no such
    /// thing (a local filesystem) or is configured to stream blobs itself.
    /// </summary>
    Task<Uri?> GetDownloadUrlAsync(Digest digest, CancellationToken cancellationToken);

    /// <summary>Stores small content (a manifest) under its digest; storing the same content again is harmless.</summary>
    Task PutAsync(Digest digest, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>
    /// Every item of committed storage, one at a time (never the whole listing at once): stored blobs with their digest,
    /// and anything else found there with a null digest. Upload sessions are not listed.
    /// </summary>
    IAsyncEnumerable<StoredBlob> ListAsync(CancellationToken cancellationToken);

    /// <summary>Removes a committed blob (garbage collection); false when the store did not hold it.</summary>
    Task<bool> DeleteAsync(Digest digest, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="data"/> at the end of an upload that stands at <paramref name="at"/> and returns where it
    /// stands after. The caller records the returned cursor; a cursor older than the last one returned is not valid.
    /// Bytes a failed call left behind are not part of the upload.
    /// </summary>
    Task<UploadCursor> AppendUploadAsync(UploadCursor at, Stream data, CancellationToken cancellationToken);

    /// <summary>
    /// Ends writing to an upload: its <see cref="UploadCursor.Size"/> bytes become one readable whole, still invisible
    /// as a blob. Throws <see cref="IOException"/> when the store holds fewer bytes than the cursor says.
    /// </summary>
    Task SealUploadAsync(UploadCursor upload, CancellationToken cancellationToken);

    /// <summary>Reads a sealed upload back (to hash it when no process remembers its hash).</summary>
    Task<Stream> OpenSealedUploadAsync(Guid uploadId, CancellationToken cancellationToken);

    /// <summary>Makes a sealed upload visible under <paramref name="digest"/>, atomically, and removes the upload.</summary>
    Task CommitUploadAsync(Guid uploadId, Digest digest, CancellationToken cancellationToken);

    /// <summary>Removes whatever the store holds for an upload, sealed or not; harmless when it holds nothing.</summary>
    Task DeleteUploadAsync(UploadCursor upload, CancellationToken cancellationToken);

    /// <summary>
    /// Every upload the store holds bytes for, with when it started, so that the janitor can remove those no upload
    /// session owns any more (a node that died mid-request, a multipart upload left open).
    /// </summary>
    IAsyncEnumerable<StoredUpload> ListUploadsAsync(CancellationToken cancellationToken);

    /// <summary>For the readiness check: returns when the store can be read and written now, throws saying why not.</summary>
    Task CheckAvailableAsync(CancellationToken cancellationToken);
}
