using Registry.Core.Oci;

namespace Registry.Core.Storage;

public static class SmallBlobReads
{
    /// <summary>A whole blob in memory (a manifest, an image config), or null when the store lacks it or it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAllAsync(this IBlobStore store, Digest digest, long maxBytes, CancellationToken cancellationToken)
    {
        var size = await store.GetSizeAsync(digest, cancellationToken);
        if (size is not { } length || length > maxBytes)
        {
            return null;
        }

        await using var stream = await store.OpenReadAsync(digest, null, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        var content = new byte[length];
        await stream.ReadExactlyAsync(content, cancellationToken);
        return content;
    }
}
