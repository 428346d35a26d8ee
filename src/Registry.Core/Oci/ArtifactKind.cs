using System.Text.RegularExpressions;
using Registry.Core.Charts;

namespace Registry.Core.Oci;

/// <summary>What a repository holds, as the gallery lists it: container images, Helm charts, or other OCI artifacts.</summary>
public enum ArtifactKind
{
    Image,
    Helm,
    Artifact,
}

public static partial class ArtifactKinds
{
    /// <summary>The names the search takes and answers (<c>type=image|helm|artifact</c>), in the gallery's order.</summary>
    public static readonly string[] Names = ["image", "helm", "artifact"];

    public static string Name(ArtifactKind kind) => Names[(int)kind];

    public static ArtifactKind? Parse(string? name) =>
        Array.IndexOf(Names, name?.Trim().ToLowerInvariant()) is var i and >= 0 ? (ArtifactKind)i : null;

    /// <summary>
    /// A manifest's kind from its media type and artifact type (an image manifest's is its config's media type): an
    /// index without an artifact type, or an image config, is an image; Helm's config a chart; anything else an artifact.
    /// </summary>
    public static ArtifactKind Of(string mediaType, string? artifactType) =>
        artifactType == HelmMediaTypes.Config ? ArtifactKind.Helm
        : artifactType is null ? (MediaTypes.IsSupportedManifest(mediaType) ? ArtifactKind.Image : ArtifactKind.Artifact)
        : MediaTypes.IsImageConfig(artifactType) ? ArtifactKind.Image
        : ArtifactKind.Artifact;

    /// <summary>
    /// A repository's kind from what its tags point at, cosign's attachment tags aside (<c>sha256-&lt;hex&gt;.sig</c>
    /// signs a chart as much as an image): an image if any is one, else a chart if any is one, else an artifact if
    /// any tag is left; a repository with no such tag counts as images.
    /// </summary>
    public static ArtifactKind OfRepository(IEnumerable<(string Tag, string MediaType, string? ArtifactType)> tags)
    {
        var kinds = tags.Where(t => !IsAttachmentTag(t.Tag)).Select(t => Of(t.MediaType, t.ArtifactType)).ToHashSet();
        return kinds.Count == 0 || kinds.Contains(ArtifactKind.Image) ? ArtifactKind.Image
            : kinds.Contains(ArtifactKind.Helm) ? ArtifactKind.Helm
            : ArtifactKind.Artifact;
    }

    /// <summary>Cosign's tag scheme for what it attaches to a digest: signatures, attestations, SBOMs.</summary>
    public static bool IsAttachmentTag(string tag) => AttachmentTag().IsMatch(tag);

    [GeneratedRegex("^sha256-[0-9a-f]{64}\\.(sig|att|sbom)$")]
    private static partial Regex AttachmentTag();
}
