using Gallery.Testing.OciLayouts;

namespace Gallery.EndToEnd.Tests;

/// <summary>A multi-platform image index, copied with <c>--all</c> both ways, comes back unchanged with every child.</summary>
public abstract class SkopeoIndexTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    [Fact]
    public async Task Index_copied_with_all_round_trips_unchanged_with_every_child()
    {
        var repository = References.UniqueRepository("multi");
        var (layout, index) = OciLayouts.MultiPlatform(Temp.Sub("push"), repository, "v2");

        await Skopeo.CopyAsync(References.Oci(layout.Directory, "v2"), Docker(repository, "v2"), all: true);

        Assert.Equal(index.ManifestBytes, await Skopeo.InspectRawAsync(Docker(repository, "v2")));
        foreach (var child in index.Children)
        {
            Assert.Equal(child.ManifestBytes, await Skopeo.InspectRawAsync(DockerDigest(repository, child.Manifest.Digest)));
        }

        await Skopeo.CopyAsync(Docker(repository, "v2"), References.Oci(Temp.Sub("pull"), "v2"), all: true);
        LayoutAssert.SameIndex(layout, index, new OciLayoutReader(Temp.Sub("pull")), "v2");
    }

    [Fact]
    public async Task Inspect_of_an_index_picks_the_requested_platform()
    {
        var repository = References.UniqueRepository("platforms");
        var (layout, index) = OciLayouts.MultiPlatform(Temp.Sub("push"), repository, "v3");
        await Skopeo.CopyAsync(References.Oci(layout.Directory, "v3"), Docker(repository, "v3"), all: true);

        foreach (var child in index.Children)
        {
            var summary = await Skopeo.InspectAsync(Docker(repository, "v3"), overrideArchitecture: child.Platform.Architecture);
            Assert.Equal(child.Platform.Architecture, summary.GetProperty("Architecture").GetString());
            Assert.Equal(child.Platform.Os, summary.GetProperty("Os").GetString());
            Assert.Equal(child.Layers.Select(l => l.Digest), summary.GetProperty("Layers").EnumerateArray().Select(l => l.GetString()));
        }
    }
}

[Collection(SqliteGallery.Name)]
public sealed class SqliteSkopeoIndexTests(SqliteGalleryFixture fixture) : SkopeoIndexTests(fixture);

[Collection(PostgresGallery.Name)]
public sealed class PostgresSkopeoIndexTests(PostgresGalleryFixture fixture) : SkopeoIndexTests(fixture);
