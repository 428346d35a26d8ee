using System.Net;
using Gallery.Testing.OciLayouts;

namespace Gallery.EndToEnd.Tests;

/// <summary>Tags as skopeo sees them: listing, and deleting (which skopeo does by the digest the tag resolves to).</summary>
public abstract class SkopeoTagTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    private static readonly string[] Tags = ["1.0", "1.1", "latest"];

    [Fact]
    public async Task List_tags_shows_every_pushed_tag()
    {
        var repository = References.UniqueRepository("tags");
        await PushThreeImagesAsync(repository);

        Assert.Equal(Tags.Order(StringComparer.Ordinal), (await Skopeo.ListTagsAsync(DockerRepository(repository))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Delete_removes_the_manifest_and_only_its_tag()
    {
        var repository = References.UniqueRepository("delete");
        var images = await PushThreeImagesAsync(repository);
        var deleted = images["1.1"];

        await Skopeo.DeleteAsync(Docker(repository, "1.1"));

        using (var response = await GetManifestAsync(repository, deleted.Manifest.Digest))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        await Skopeo.CopyExpectingFailureAsync(Docker(repository, "1.1"), References.Oci(Temp.Sub("deleted"), "1.1"));
        Assert.Equal(["1.0", "latest"], (await Skopeo.ListTagsAsync(DockerRepository(repository))).Order(StringComparer.Ordinal));
        using (var response = await GetManifestAsync(repository, images["1.0"].Manifest.Digest))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Skopeo.CopyAsync(Docker(repository, "latest"), References.Oci(Temp.Sub("kept"), "latest"));
        LayoutAssert.SameImage(images.Layout, images["latest"], new OciLayoutReader(Temp.Sub("kept")), "latest");
    }

    /// <summary>Three different images, one per tag, pushed from one layout.</summary>
    private async Task<PushedImages> PushThreeImagesAsync(string repository)
    {
        var layout = new OciLayoutBuilder(Temp.Sub("push"));
        var images = new Dictionary<string, OciImage>();
        foreach (var tag in Tags)
        {
            images[tag] = layout.AddImage($"{repository}:{tag}");
            layout.Tag(images[tag].Manifest, tag);
        }

        foreach (var tag in Tags)
        {
            await Skopeo.CopyAsync(References.Oci(layout.Directory, tag), Docker(repository, tag));
        }

        return new PushedImages(layout, images);
    }

    private sealed record PushedImages(OciLayoutBuilder Layout, IReadOnlyDictionary<string, OciImage> Images)
    {
        public OciImage this[string tag] => Images[tag];
    }
}

[Collection(SqliteGallery.Name)]
public sealed class SqliteSkopeoTagTests(SqliteGalleryFixture fixture) : SkopeoTagTests(fixture);

[Collection(PostgresGallery.Name)]
public sealed class PostgresSkopeoTagTests(PostgresGalleryFixture fixture) : SkopeoTagTests(fixture);
