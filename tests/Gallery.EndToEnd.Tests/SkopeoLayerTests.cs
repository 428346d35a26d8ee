using System.Text.Json;
using Gallery.Testing.OciLayouts;

namespace Gallery.EndToEnd.Tests;

/// <summary>Layers of other shapes than the default: one larger than Kestrel's default request body limit, and zstd.</summary>
public abstract class SkopeoLayerTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    /// <summary>Kestrel refuses request bodies over 30,000,000 bytes unless the server lifts the limit for uploads.</summary>
    private const int LargeLayerBytes = 40 * 1024 * 1024;

    [Fact]
    public async Task Layer_larger_than_the_default_request_body_limit_round_trips()
    {
        var repository = References.UniqueRepository("large");
        var layout = new OciLayoutBuilder(Temp.Sub("push"));
        var image = layout.AddImage(repository, layerCount: 1, layerDataBytes: LargeLayerBytes);
        layout.Tag(image.Manifest, "big");
        Assert.True(image.Layers[0].Size > 30_000_000, $"the layer is only {image.Layers[0].Size} bytes");

        await Skopeo.CopyAsync(References.Oci(layout.Directory, "big"), Docker(repository, "big"));
        await Skopeo.CopyAsync(Docker(repository, "big"), References.Oci(Temp.Sub("pull"), "big"));

        LayoutAssert.SameImage(layout, image, new OciLayoutReader(Temp.Sub("pull")), "big");
    }

    [Fact]
    public async Task Zstd_compressed_layers_round_trip()
    {
        var repository = References.UniqueRepository("zstd");
        var (layout, image) = OciLayouts.ThreeLayers(Temp.Sub("push"), repository, "v1");

        await Skopeo.CopyAsync(References.Oci(layout.Directory, "v1"), Docker(repository, "v1"),
            options: ["--dest-compress", "--dest-compress-format", "zstd"]);

        var raw = await Skopeo.InspectRawAsync(Docker(repository, "v1"));
        using var manifest = JsonDocument.Parse(raw);
        var layers = manifest.RootElement.GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal(image.Layers.Count, layers.Count);
        Assert.All(layers, l => Assert.Equal("application/vnd.oci.image.layer.v1.tar+zstd", l.GetProperty("mediaType").GetString()));

        await Skopeo.CopyAsync(Docker(repository, "v1"), References.Oci(Temp.Sub("pull"), "v1"));
        var pulled = new OciLayoutReader(Temp.Sub("pull"));
        var pulledManifest = pulled.Resolve("v1");
        Assert.Equal(raw, pulled.ReadBlob(pulledManifest.Digest));
        foreach (var layer in layers)
        {
            var digest = layer.GetProperty("digest").GetString()!;
            Assert.Equal(layer.GetProperty("size").GetInt64(), pulled.ReadBlob(digest).LongLength);
        }
    }
}

[Collection(SqliteGallery.Name)]
public sealed class SqliteSkopeoLayerTests(SqliteGalleryFixture fixture) : SkopeoLayerTests(fixture);

[Collection(PostgresGallery.Name)]
public sealed class PostgresSkopeoLayerTests(PostgresGalleryFixture fixture) : SkopeoLayerTests(fixture);
