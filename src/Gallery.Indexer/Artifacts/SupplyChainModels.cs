namespace Gallery.Indexer.Artifacts;

/// <summary>
/// What is attached to an image, for badges: <paramref name="Signed"/> when a signature is attached to the image itself
/// (not verified: the gallery checks no signature), <paramref name="HasSbom"/> when an SBOM (or an SBOM attestation) is
/// attached to it or, for an index, to one of its platform images. Unreadable attachments do not count.
/// </summary>
public sealed record ImageSupplyChain(bool Signed, bool HasSbom)
{
    public static readonly ImageSupplyChain None = new(false, false);
}

/// <summary>A current tag of a repository and what is attached to the image it points at.</summary>
public sealed record TagSupplyChain(string Tag, string Digest, bool Signed, bool HasSbom);

/// <summary>A package an SBOM of the image behind <paramref name="Tag"/> lists (each name and version once per tag).</summary>
public sealed record TagPackage(string Tag, string Name, string? Version);
