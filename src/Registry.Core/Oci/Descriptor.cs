namespace Registry.Core.Oci;

/// <summary>An OCI content descriptor as found in manifests: what a manifest points at.</summary>
public sealed record Descriptor(
    string MediaType,
    Digest Digest,
    long Size,
    string? ArtifactType = null,
    Platform? Platform = null,
    IReadOnlyDictionary<string, string>? Annotations = null);

/// <summary>The platform an image runs on, as written in an index entry or an image config.</summary>
public sealed record Platform(string Os, string Architecture, string? Variant = null, string? OsVersion = null)
{
    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}
