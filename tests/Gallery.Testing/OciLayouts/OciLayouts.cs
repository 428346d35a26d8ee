namespace Gallery.Testing.OciLayouts;

/// <summary>The ready-made layouts end-to-end tests push: each in a new directory, its image tagged in index.json.</summary>
public static class OciLayouts
{
    /// <summary>(a) A single-platform image with one layer.</summary>
    public static (OciLayoutBuilder Layout, OciImage Image) SingleLayer(string directory, string seed, string tag)
    {
        var layout = new OciLayoutBuilder(directory);
        var image = layout.AddImage(seed, layerCount: 1);
        layout.Tag(image.Manifest, tag);
        return (layout, image);
    }

    /// <summary>(b) A linux/amd64 image with three layers.</summary>
    public static (OciLayoutBuilder Layout, OciImage Image) ThreeLayers(string directory, string seed, string tag)
    {
        var layout = new OciLayoutBuilder(directory);
        var image = layout.AddImage(seed, layerCount: 3, OciPlatform.LinuxAmd64);
        layout.Tag(image.Manifest, tag);
        return (layout, image);
    }

    /// <summary>(c) An image index over linux/amd64 and linux/arm64 children, each with its own layers and config.</summary>
    public static (OciLayoutBuilder Layout, OciImageIndex Index) MultiPlatform(string directory, string seed, string tag)
    {
        var layout = new OciLayoutBuilder(directory);
        var index = layout.AddIndex(seed, OciPlatform.LinuxAmd64, OciPlatform.LinuxArm64);
        layout.Tag(index.Manifest, tag);
        return (layout, index);
    }
}
