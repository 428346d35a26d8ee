using Gallery.Testing.OciLayouts;

namespace Gallery.EndToEnd.Tests;

/// <summary>What was pushed is still there, byte for byte, after the server stops (SIGTERM) and starts again on the same data.</summary>
public abstract class RestartTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    [Fact]
    public async Task Pushed_images_pull_back_byte_identical_after_a_restart()
    {
        var repository = References.UniqueRepository("restart");
        var (layout, image) = OciLayouts.ThreeLayers(Temp.Sub("push-image"), repository, "before");
        var (indexLayout, index) = OciLayouts.MultiPlatform(Temp.Sub("push-index"), repository + "/index", "multi");
        await Skopeo.CopyAsync(References.Oci(layout.Directory, "before"), Docker(repository, "before"));
        await Skopeo.CopyAsync(References.Oci(indexLayout.Directory, "multi"), Docker(repository, "multi"), all: true);

        await Gallery.RestartAsync();

        await Skopeo.CopyAsync(Docker(repository, "before"), References.Oci(Temp.Sub("pull-image"), "before"));
        await Skopeo.CopyAsync(Docker(repository, "multi"), References.Oci(Temp.Sub("pull-index"), "multi"), all: true);
        LayoutAssert.SameImage(layout, image, new OciLayoutReader(Temp.Sub("pull-image")), "before");
        LayoutAssert.SameIndex(indexLayout, index, new OciLayoutReader(Temp.Sub("pull-index")), "multi");
        Assert.Equal(["before", "multi"], (await Skopeo.ListTagsAsync(DockerRepository(repository))).Order(StringComparer.Ordinal));
    }
}

[Collection(SqliteGallery.Name)]
public sealed class SqliteRestartTests(SqliteGalleryFixture fixture) : RestartTests(fixture);

[Collection(PostgresGallery.Name)]
public sealed class PostgresRestartTests(PostgresGalleryFixture fixture) : RestartTests(fixture);
