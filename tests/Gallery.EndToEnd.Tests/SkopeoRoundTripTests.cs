using Gallery.Testing.OciLayouts;

namespace Gallery.EndToEnd.Tests;

/// <summary>skopeo pushes single-platform images from an OCI layout and pulls them back: the same bytes come back.</summary>
public abstract class SkopeoRoundTripTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    [Fact]
    public async Task Single_layer_image_pulls_back_byte_identical()
    {
        var repository = References.UniqueRepository("single");
        var (layout, image) = OciLayouts.SingleLayer(Temp.Sub("push"), repository, "v1");

        await Skopeo.CopyAsync(References.Oci(layout.Directory, "v1"), Docker(repository, "v1"));
        await Skopeo.CopyAsync(Docker(repository, "v1"), References.Oci(Temp.Sub("pull"), "v1"));

        LayoutAssert.SameImage(layout, image, new OciLayoutReader(Temp.Sub("pull")), "v1");
        LayoutAssert.SameDigest(image.Manifest, await Skopeo.InspectRawAsync(Docker(repository, "v1")));
    }

    [Fact]
    public async Task Three_layer_image_pulls_back_byte_identical_by_tag_and_by_digest()
    {
        var repository = References.UniqueRepository("layers");
        var (layout, image) = OciLayouts.ThreeLayers(Temp.Sub("push"), repository, "1.0");

        await Skopeo.CopyAsync(References.Oci(layout.Directory, "1.0"), Docker(repository, "1.0"));
        await Skopeo.CopyAsync(Docker(repository, "1.0"), References.Oci(Temp.Sub("by-tag"), "1.0"));
        await Skopeo.CopyAsync(DockerDigest(repository, image.Manifest.Digest), References.Oci(Temp.Sub("by-digest"), "pinned"));

        LayoutAssert.SameImage(layout, image, new OciLayoutReader(Temp.Sub("by-tag")), "1.0");
        LayoutAssert.SameImage(layout, image, new OciLayoutReader(Temp.Sub("by-digest")), "pinned");
    }

    [Fact]
    public async Task Inspect_returns_the_pushed_manifest_raw_and_shows_architecture_and_os()
    {
        var repository = References.UniqueRepository("inspect");
        var (layout, image) = OciLayouts.ThreeLayers(Temp.Sub("push"), repository, "latest");
        await Skopeo.CopyAsync(References.Oci(layout.Directory, "latest"), Docker(repository, "latest"));

        Assert.Equal(image.ManifestBytes, await Skopeo.InspectRawAsync(Docker(repository, "latest")));
        Assert.Equal(new OciLayoutReader(layout.Directory).ReadBlob(image.Config.Digest), await Skopeo.InspectConfigRawAsync(Docker(repository, "latest")));
        var summary = await Skopeo.InspectAsync(Docker(repository, "latest"));

        Assert.Equal("amd64", summary.GetProperty("Architecture").GetString());
        Assert.Equal("linux", summary.GetProperty("Os").GetString());
        Assert.Equal(image.Manifest.Digest, summary.GetProperty("Digest").GetString());
        Assert.Equal(image.Layers.Select(l => l.Digest), summary.GetProperty("Layers").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains("latest", summary.GetProperty("RepoTags").EnumerateArray().Select(t => t.GetString()));
    }
}

[Collection(SqliteGallery.Name)]
public sealed class SqliteSkopeoRoundTripTests(SqliteGalleryFixture fixture) : SkopeoRoundTripTests(fixture);

[Collection(PostgresGallery.Name)]
public sealed class PostgresSkopeoRoundTripTests(PostgresGalleryFixture fixture) : SkopeoRoundTripTests(fixture);
