namespace Registry.Core.Data.Entities;

/// <summary>An image manifest or index stored in a repository. Its bytes live in the blob store under <see cref="Digest"/>.</summary>
public sealed class Manifest
{
    public long Id { get; set; }

    public long RepositoryId { get; set; }

    public required string Digest { get; set; }

    public required string MediaType { get; set; }

    public string? ArtifactType { get; set; }

    /// <summary>The manifest document's own size in bytes.</summary>
    public long Size { get; set; }

    /// <summary>What pulling it transfers: config plus layers, or for an index the sum over its children.</summary>
    public long ImageSize { get; set; }

    public string? SubjectDigest { get; set; }

    /// <summary>The manifest's annotations as JSON, reported by the referrers API.</summary>
    public string? AnnotationsJson { get; set; }

    public DateTime PushedAt { get; set; }

    public List<ManifestReference> References { get; set; } = [];

    public List<ImagePlatform> Platforms { get; set; } = [];

    /// <summary>For a Helm chart, what its config and README say; null for anything else.</summary>
    public HelmChart? Chart { get; set; }
}

/// <summary>A blob or child manifest that a manifest points at.</summary>
public sealed class ManifestReference
{
    public long ManifestId { get; set; }

    public required string Digest { get; set; }

    public ReferenceKind Kind { get; set; }
}

public enum ReferenceKind
{
    Config = 0,
    Layer = 1,
    Manifest = 2,
}

/// <summary>A platform an image runs on: one for an image manifest (from its config), one per child of an index.</summary>
public sealed class ImagePlatform
{
    public long Id { get; set; }

    public long ManifestId { get; set; }

    /// <summary>For an index, the child manifest this platform is served by; null for an image manifest.</summary>
    public string? ChildDigest { get; set; }

    public required string Os { get; set; }

    public required string Architecture { get; set; }

    public string? Variant { get; set; }

    public string? OsVersion { get; set; }

    public long Size { get; set; }

    public DateTime? Created { get; set; }
}
