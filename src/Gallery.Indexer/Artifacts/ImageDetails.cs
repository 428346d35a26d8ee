using Registry.Core.Data.Entities;

namespace Gallery.Indexer.Artifacts;

/// <summary>One image (manifest or index) of a repository as its image page shows it.</summary>
public sealed record ImageDetails(
    string FullName,
    string Digest,
    string MediaType,
    string? ArtifactType,
    long ManifestSize,
    long ImageSize,
    DateTime PushedAt,
    IReadOnlyList<string> Tags,
    IReadOnlyList<ImagePlatformEntry> Platforms,
    IReadOnlyList<ImageLayerEntry> Layers,
    ImageConfigDetails? Config,
    IReadOnlyList<ImageAttachment> Attachments,
    string? SubjectDigest)
{
    public bool IsIndex => Registry.Core.Oci.MediaTypes.IsIndex(MediaType);
}

/// <summary>A child of an index: a platform image (its digest links to its own page).</summary>
public sealed record ImagePlatformEntry(string Os, string Architecture, string? Variant, string? Digest, long Size);

public sealed record ImageLayerEntry(string MediaType, string Digest, long Size);

/// <summary>What an image's config says: only the names of environment variables, never their values.</summary>
public sealed record ImageConfigDetails(
    IReadOnlyList<string> Entrypoint,
    IReadOnlyList<string> Cmd,
    IReadOnlyList<string> EnvNames,
    IReadOnlyList<string> ExposedPorts,
    IReadOnlyList<KeyValuePair<string, string>> Labels,
    string? User,
    string? WorkingDir,
    DateTime? Created);

/// <summary>
/// A signature, SBOM, attestation or other artifact attached to the image (or, for an index, to one of its platform
/// images: <paramref name="Platform"/>). <paramref name="CarrierDigest"/> is the manifest that carries it.
/// </summary>
public sealed record ImageAttachment(
    long Id,
    string SubjectDigest,
    string? Platform,
    AttachmentKind Kind,
    AttachmentSource Source,
    string? Tag,
    string CarrierDigest,
    string MediaType,
    string? ArtifactType,
    string? Format,
    string? PredicateType,
    string? Signer,
    string? Generator,
    DateTime? Created,
    DateTime PushedAt,
    AttachmentState State,
    string? Problem,
    int PackageCount);

/// <summary>A page of an SBOM's packages; <paramref name="Filter"/> matched part of the name, ignoring case.</summary>
public sealed record PackagePage(IReadOnlyList<PackageEntry> Rows, int Total, int Page, int PageSize, string? Filter)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

public sealed record PackageEntry(string Name, string? Version, string? License, string? Purl);
