using Registry.Core.Charts;

namespace Registry.Core.Oci;

/// <summary>What a repository holds, as the gallery lists it: container images, Helm charts, or other OCI artifacts.</summary>
public enum ArtifactKind
{
    Image,
    Helm,
    Artifact,
}

public static class ArtifactKinds
{
    /// <summary>The names the search takes and answers (<c>type=image|helm|artifact</c>), in the gallery's order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["image", "helm", "artifact"];

    public static string Name(ArtifactKind kind) => Names[(int)kind];

    public static ArtifactKind? Parse(string? name)
    {
        var lower = name?.Trim().ToLowerInvariant();
        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i] == lower)
            {
                return (ArtifactKind)i;
            }
        }

        return null;
    }

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
    /// A repository's kind from what its tags point at, cosign's attachment tags left out by the caller
    /// (<see cref="Attachments.CosignTags"/>: a <c>.sig</c> tag signs a chart as much as an image): an image if any is
    /// one, else a chart if any is one, else an artifact if any tag is left; a repository with no such tag counts as images.
    /// </summary>
    public static ArtifactKind OfRepository(IEnumerable<(string MediaType, string? ArtifactType)> tags)
    {
        var kinds = tags.Select(t => Of(t.MediaType, t.ArtifactType)).ToHashSet();
        return kinds.Count == 0 || kinds.Contains(ArtifactKind.Image) ? ArtifactKind.Image
            : kinds.Contains(ArtifactKind.Helm) ? ArtifactKind.Helm
            : ArtifactKind.Artifact;
    }
}
