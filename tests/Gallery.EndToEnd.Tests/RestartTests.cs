using Gallery.Testing.OciLayouts;

namespace Gallery.EndToEnd.Tests;

/// <summary>
/// What was pushed is still there, byte for byte, after the server stops and starts again on the same data directory
/// and database: after a graceful stop (SIGTERM, which must exit 0) and after a crash (SIGKILL).
/// </summary>
public abstract class RestartTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    [Fact]
    public async Task Pushed_images_pull_back_byte_identical_after_a_graceful_restart()
    {
        var pushed = await PushAsync("restart");

        await Gallery.RestartAsync();

        Assert.Equal(0, Gallery.LastExitCode);
        await PullAndCompareAsync(pushed);
    }

    [Fact]
    public async Task Pushed_images_pull_back_byte_identical_after_a_crash()
    {
        var pushed = await PushAsync("crash");

        await Gallery.RestartAsync(graceful: false);

        await PullAndCompareAsync(pushed);
    }

    private async Task<Pushed> PushAsync(string purpose)
    {
        var repository = References.UniqueRepository(purpose);
        var (layout, image) = OciLayouts.ThreeLayers(Temp.Sub("push-image"), repository, "before");
        var (indexLayout, index) = OciLayouts.MultiPlatform(Temp.Sub("push-index"), repository + "/index", "multi");
        await Skopeo.CopyAsync(References.Oci(layout.Directory, "before"), Docker(repository, "before"));
        await Skopeo.CopyAsync(References.Oci(indexLayout.Directory, "multi"), Docker(repository, "multi"), all: true);
        return new Pushed(repository, layout, image, indexLayout, index);
    }

    private async Task PullAndCompareAsync(Pushed pushed)
    {
        await Skopeo.CopyAsync(Docker(pushed.Repository, "before"), References.Oci(Temp.Sub("pull-image"), "before"));
        await Skopeo.CopyAsync(Docker(pushed.Repository, "multi"), References.Oci(Temp.Sub("pull-index"), "multi"), all: true);
        LayoutAssert.SameImage(pushed.Layout, pushed.Image, new OciLayoutReader(Temp.Sub("pull-image")), "before");
        LayoutAssert.SameIndex(pushed.IndexLayout, pushed.Index, new OciLayoutReader(Temp.Sub("pull-index")), "multi");
        Assert.Equal(["before", "multi"], (await Skopeo.ListTagsAsync(DockerRepository(pushed.Repository))).Order(StringComparer.Ordinal));
    }

    private sealed record Pushed(string Repository, OciLayoutBuilder Layout, OciImage Image, OciLayoutBuilder IndexLayout, OciImageIndex Index);
}

[Collection(SqliteGallery.Name)]
public sealed class SqliteRestartTests(SqliteGalleryFixture fixture) : RestartTests(fixture);

[Collection(PostgresGallery.Name)]
public sealed class PostgresRestartTests(PostgresGalleryFixture fixture) : RestartTests(fixture);
