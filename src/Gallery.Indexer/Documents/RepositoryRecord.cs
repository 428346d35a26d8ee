namespace Gallery.Indexer.Documents;

/// <summary>What the index holds about one public repository, read from the database in one piece.</summary>
public sealed record RepositoryRecord(
    string FullName,
    long RegistryKey,
    string Alias,
    string Name,
    string? PublisherDisplayName,
    bool Verified,
    string? Description,
    string? AboutText,
    string? UsageText,
    IReadOnlyList<string> Architectures,
    IReadOnlyList<string> OperatingSystems,
    IReadOnlyList<string> Tags,
    string? LogoDigest,
    long PullCount,
    DateTime? LastPushedAt,
    DateTime CreatedAt)
{
    /// <summary>What its tags hold: images, Helm charts or other artifacts.</summary>
    public Registry.Core.Oci.ArtifactKind Kind { get; init; } = Registry.Core.Oci.ArtifactKind.Image;

    /// <summary>Whether the image behind some current tag is signed (not verified: the gallery checks no signature).</summary>
    public bool Signed { get; init; }

    /// <summary>Whether the image behind some current tag has an SBOM.</summary>
    public bool HasSbom { get; init; }

    /// <summary>The packages current tags' SBOMs list.</summary>
    public PackageMap Packages { get; init; } = PackageMap.Empty;
}
