using Microsoft.Extensions.Caching.Memory;
using Registry.Core.Oci;
using Registry.Core.Storage;

namespace Registry.Core.Repositories;

/// <summary>Manifest bytes by digest. Content-addressed, so an entry never goes stale; bounded by total size.</summary>
public sealed class ManifestContentCache(IBlobStore store) : IDisposable
{
    private const long CapacityBytes = 64 * 1024 * 1024;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CapacityBytes });

    public async Task<byte[]?> GetAsync(Digest digest, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(digest, out byte[]? cached))
        {
            return cached;
        }

        var content = await store.ReadAllAsync(digest, int.MaxValue, cancellationToken);
        if (content is not null)
        {
            Add(digest, content);
        }

        return content;
    }

    public void Add(Digest digest, byte[] content) =>
        _cache.Set(digest, content, new MemoryCacheEntryOptions { Size = content.Length + 64 });

    public void Dispose() => _cache.Dispose();
}
