using Registry.Core.Oci;
using Registry.Core.Storage;

namespace Registry.Core.Repositories.CatalogData;

/// <summary>A logo (a repository's or a registry's) kept in the blob store by digest, as /api/logos/ serves it.</summary>
public sealed record StoredLogo(string Digest, string MediaType)
{
    /// <summary>Stores a logo that passed <see cref="LogoImageFormat.Problem"/>; empty bytes mean "no logo" (null).</summary>
    public static async Task<StoredLogo?> PutAsync(IBlobStore store, byte[] logo, CancellationToken cancellationToken)
    {
        if (logo.Length == 0)
        {
            return null;
        }

        var digest = Oci.Digest.Compute(logo);
        await store.PutAsync(digest, logo, cancellationToken);
        return new StoredLogo(digest.ToString(), LogoImageFormat.Detect(logo) ?? throw new ArgumentException("not a PNG or JPEG image", nameof(logo)));
    }
}
