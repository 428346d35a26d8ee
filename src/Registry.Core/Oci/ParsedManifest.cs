namespace Registry.Core.Oci;

/// <summary>A validated manifest or index: what it references and how it describes itself.</summary>
public sealed record ParsedManifest(
    string MediaType,
    Descriptor? Config,
    IReadOnlyList<Descriptor> Layers,
    IReadOnlyList<Descriptor> Manifests,
    Descriptor? Subject,
    string? ArtifactType,
    IReadOnlyDictionary<string, string>? Annotations)
{
    public bool IsIndex => MediaTypes.IsIndex(MediaType);

    /// <summary>The artifact type the referrers API reports: the explicit one, else an image's config media type.</summary>
    public string? EffectiveArtifactType => ArtifactType ?? (IsIndex ? null : Config?.MediaType);

    /// <summary>The blobs this manifest needs in the repository (foreign layers live elsewhere).</summary>
    public IEnumerable<Descriptor> RequiredBlobs =>
        (Config is null ? Layers : Layers.Prepend(Config)).Where(d => !MediaTypes.IsForeignLayer(d.MediaType));
}
