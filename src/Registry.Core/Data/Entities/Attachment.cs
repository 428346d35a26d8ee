namespace Registry.Core.Data.Entities;

/// <summary>
/// Something attached to an image (its subject): a signature, an SBOM, an attestation or another artifact, found through
/// the referrers API, cosign's <c>sha256-&lt;hex&gt;.sig/.att/.sbom</c> tags or BuildKit's attestation manifests.
/// One row per signature/document (a layer of the attaching manifest), or one per manifest for other artifacts.
/// What the layer says is read off the push path: rows start <see cref="AttachmentState.Pending"/>.
/// </summary>
public sealed class Attachment
{
    public long Id { get; set; }

    public long RepositoryId { get; set; }

    /// <summary>The image manifest or index this describes (it may not be pushed yet).</summary>
    public required string SubjectDigest { get; set; }

    /// <summary>The manifest that carries it: the referrer, the cosign-tagged manifest or BuildKit's attestation manifest.</summary>
    public long ManifestId { get; set; }

    public Manifest Manifest { get; set; } = null!;

    public AttachmentSource Source { get; set; }

    /// <summary>For <see cref="AttachmentSource.CosignTag"/>: the tag, whose move or deletion removes the row.</summary>
    public string? Tag { get; set; }

    /// <summary>Which layer of the carrying manifest (0-based); 0 for an artifact listed as a whole.</summary>
    public int Position { get; set; }

    /// <summary>The layer holding the document or signature; null for an artifact listed as a whole.</summary>
    public string? LayerDigest { get; set; }

    public long LayerSize { get; set; }

    /// <summary>The layer's media type (or the manifest's, for an artifact listed as a whole).</summary>
    public required string MediaType { get; set; }

    public string? ArtifactType { get; set; }

    public AttachmentKind Kind { get; set; }

    /// <summary>e.g. "cosign", "notation", "SPDX-2.3", "CycloneDX 1.5", "in-toto"; null until read.</summary>
    public string? Format { get; set; }

    /// <summary>The in-toto predicate type of an attestation.</summary>
    public string? PredicateType { get; set; }

    /// <summary>The signer's identity (certificate subject or SAN, with issuer) or key id, when the signature carries one.</summary>
    public string? Signer { get; set; }

    /// <summary>The SBOM's creating tool.</summary>
    public string? Generator { get; set; }

    /// <summary>When it was signed or created, as it says; null when it does not say.</summary>
    public DateTime? Created { get; set; }

    public DateTime PushedAt { get; set; }

    public AttachmentState State { get; set; }

    /// <summary>Why it is <see cref="AttachmentState.Unreadable"/>, in one sentence.</summary>
    public string? Problem { get; set; }

    public int PackageCount { get; set; }

    /// <summary>A node reading it holds it until then; another node may take it over afterwards.</summary>
    public DateTime? ClaimedUntil { get; set; }
}

public enum AttachmentKind
{
    Other = 0,
    Signature = 1,
    Sbom = 2,
    Attestation = 3,
    Provenance = 4,
}

public enum AttachmentSource
{
    Referrer = 0,
    CosignTag = 1,
    BuildKit = 2,
}

public enum AttachmentState
{
    Pending = 0,
    Readable = 1,
    Unreadable = 2,
}

/// <summary>A package an SBOM lists; <see cref="Ordinal"/> is its place in the SBOM, 0 to PackageCount - 1 without gaps (pages are ranges of it).</summary>
public sealed class SbomPackage
{
    public long AttachmentId { get; set; }

    public int Ordinal { get; set; }

    public required string Name { get; set; }

    public string? Version { get; set; }

    public string? License { get; set; }

    public string? Purl { get; set; }
}
