using Registry.Core.Oci;

namespace Registry.Core.Storage;

/// <summary>One item of a blob store's committed storage, as <see cref="IBlobStore.ListAsync"/> finds it.</summary>
/// <param name="Name">Where the store keeps it, relative to its root (a path or an object key), for messages.</param>
/// <param name="Digest">The blob's digest; null for something the store did not put there (left alone, reported).</param>
/// <param name="Size">Its stored size in bytes.</param>
public sealed record StoredBlob(string Name, Digest? Digest, long Size);
