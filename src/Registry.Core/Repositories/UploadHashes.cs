using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Registry.Core.Repositories;

/// <summary>
/// The running SHA-256 of each upload this process is receiving, so completing an upload does not read it back.
/// A hash is taken out while a chunk is written and put back after; an upload continued by another process,
/// or after a restart, is hashed from storage at completion instead.
/// </summary>
public sealed class UploadHashes
{
    private readonly ConcurrentDictionary<Guid, (long Offset, IncrementalHash Hash)> _hashes = new();

    /// <summary>Takes the hash of an upload if it covers exactly <paramref name="offset"/> bytes; otherwise null.</summary>
    public IncrementalHash? Take(Guid uploadId, long offset)
    {
        if (!_hashes.TryRemove(uploadId, out var state))
        {
            return offset == 0 ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        }

        if (state.Offset == offset)
        {
            return state.Hash;
        }

        state.Hash.Dispose();
        return null;
    }

    public void Return(Guid uploadId, long offset, IncrementalHash hash)
    {
        if (!_hashes.TryAdd(uploadId, (offset, hash)))
        {
            hash.Dispose();
        }
    }

    public void Forget(Guid uploadId)
    {
        if (_hashes.TryRemove(uploadId, out var state))
        {
            state.Hash.Dispose();
        }
    }
}
