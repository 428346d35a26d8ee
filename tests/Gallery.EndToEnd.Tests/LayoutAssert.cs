using System.Security.Cryptography;
using Gallery.Testing.OciLayouts;

namespace Gallery.EndToEnd.Tests;

/// <summary>Checks that what a client pulled is byte for byte what was pushed: manifest digest, manifest, config and every layer.</summary>
internal static class LayoutAssert
{
    public static void SameImage(OciLayoutBuilder pushed, OciImage image, OciLayoutReader pulled, string tag)
    {
        var resolved = pulled.Resolve(tag);
        Assert.Equal(image.Manifest.Digest, resolved.Digest);
        Assert.Equal(image.Manifest.MediaType, resolved.MediaType);
        SameImageBlobs(pushed, image, pulled);
    }

    public static void SameIndex(OciLayoutBuilder pushed, OciImageIndex index, OciLayoutReader pulled, string tag)
    {
        var resolved = pulled.Resolve(tag);
        Assert.Equal(index.Manifest.Digest, resolved.Digest);
        Assert.Equal(index.ManifestBytes, pulled.ReadBlob(index.Manifest.Digest));
        foreach (var child in index.Children)
        {
            SameImageBlobs(pushed, child, pulled);
        }
    }

    public static void SameDigest(OciDescriptor expected, byte[] manifest) =>
        Assert.Equal(expected.Digest, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(manifest)));

    private static void SameImageBlobs(OciLayoutBuilder pushed, OciImage image, OciLayoutReader pulled)
    {
        var source = new OciLayoutReader(pushed.Directory);
        Assert.Equal(image.ManifestBytes, pulled.ReadBlob(image.Manifest.Digest));
        Assert.Equal(source.ReadBlob(image.Config.Digest), pulled.ReadBlob(image.Config.Digest));
        foreach (var layer in image.Layers)
        {
            Assert.True(pulled.HasBlob(layer.Digest), $"the pulled layout has no layer {layer.Digest}");
            Assert.Equal(source.ReadBlob(layer.Digest), pulled.ReadBlob(layer.Digest));
        }
    }
}
