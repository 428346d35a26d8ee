namespace Gallery.Testing.OciLayouts;

/// <summary>An OCI content descriptor: what a blob is, its digest (<c>sha256:...</c>) and size.</summary>
public sealed record OciDescriptor(string MediaType, string Digest, long Size)
{
    public string Hex => Digest["sha256:".Length..];
}

/// <summary>An os/architecture(/variant) pair, as image configs and index entries name it.</summary>
public sealed record OciPlatform(string Os, string Architecture, string? Variant = null)
{
    public static readonly OciPlatform LinuxAmd64 = new("linux", "amd64");
    public static readonly OciPlatform LinuxArm64 = new("linux", "arm64", "v8");
}

/// <summary>One image written to a layout: its manifest, config and layers (compressed), with the raw manifest bytes.</summary>
public sealed record OciImage(OciDescriptor Manifest, OciDescriptor Config, IReadOnlyList<OciDescriptor> Layers, OciPlatform Platform, byte[] ManifestBytes);

/// <summary>An image index written to a layout, with its per-platform children.</summary>
public sealed record OciImageIndex(OciDescriptor Manifest, IReadOnlyList<OciImage> Children, byte[] ManifestBytes);
