using Registry.Core.Oci;

namespace Registry.Core.Storage;

/// <summary>
/// Content-addressed blob storage shared by every repository, plus the scratch space of upload sessions.
/// The seam where an object store plugs in. Data becomes visible under its digest only on commit; callers verify
/// digests before committing, the store does not.
/// </summary>
public interface IBlobStore
{
    /// <summary>The stored size of a blob, or null when the store does not hold it.</summary>
    Task<long?> GetSizeAsync(Digest digest, CancellationToken cancellationToken);

    /// <summary>A seekable stream over a blob, or null when the store does not hold it.</summary>
    Task<Stream?> OpenReadAsync(Digest digest, CancellationToken cancellationToken);

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
    /// Holds an upload for one request at a time, across every process sharing the store; null while another request
    /// holds it. An upload is written and committed only under its hold, after checking its recorded size, so no two
    /// requests ever write into one upload at once, and none writes into one that is being committed.
    /// </summary>
    Task<IAsyncDisposable?> TryHoldUploadAsync(Guid uploadId, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="data"/> into an upload at <paramref name="offset"/>, dropping anything stored past it; returns the bytes written.</summary>
    Task<long> WriteUploadAsync(Guid uploadId, long offset, Stream data, CancellationToken cancellationToken);

    /// <summary>Reads back the first <paramref name="length"/> bytes of an upload (to hash it when no process remembers its hash).</summary>
    Task<Stream> OpenUploadAsync(Guid uploadId, long length, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the first <paramref name="length"/> bytes of an upload visible under <paramref name="digest"/>, atomically,
    /// and removes the upload. Bytes past the length (left by a chunk that failed midway) are dropped.
    /// </summary>
    Task CommitUploadAsync(Guid uploadId, Digest digest, long length, CancellationToken cancellationToken);

    Task DeleteUploadAsync(Guid uploadId, CancellationToken cancellationToken);

    /// <summary>For the readiness check: returns when the store can be read and written now, throws saying why not.</summary>
    Task CheckAvailableAsync(CancellationToken cancellationToken);
}
