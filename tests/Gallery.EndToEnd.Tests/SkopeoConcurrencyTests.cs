using Gallery.Testing.OciLayouts;

namespace Gallery.EndToEnd.Tests;

/// <summary>
/// Several skopeo processes pushing at once: into one repository that does not exist yet (racing to create it and
/// to link the same blobs), and into several new repositories at once.
/// </summary>
public abstract class SkopeoConcurrencyTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    private const int Clients = 6;

    [Fact]
    public async Task Concurrent_pushes_of_one_image_to_one_new_repository_all_succeed()
    {
        var repository = References.UniqueRepository("race");
        var (layout, image) = OciLayouts.ThreeLayers(Temp.Sub("push"), repository, "v1");
        var tags = Enumerable.Range(1, Clients).Select(i => $"t{i}").ToList();

        await Task.WhenAll(tags.Select(tag => Skopeo.CopyAsync(References.Oci(layout.Directory, "v1"), Docker(repository, tag))));

        Assert.Equal(tags.Order(StringComparer.Ordinal), (await Skopeo.ListTagsAsync(DockerRepository(repository))).Order(StringComparer.Ordinal));
        await Skopeo.CopyAsync(Docker(repository, tags[^1]), References.Oci(Temp.Sub("pull"), "v1"));
        LayoutAssert.SameImage(layout, image, new OciLayoutReader(Temp.Sub("pull")), "v1");
    }

    [Fact]
    public async Task Concurrent_pushes_to_new_repositories_all_succeed()
    {
        var prefix = References.UniqueRepository("fanout");
        var layout = new OciLayoutBuilder(Temp.Sub("push"));
        var images = Enumerable.Range(0, Clients).Select(i => layout.AddImage($"{prefix}/{i}")).ToList();
        for (var i = 0; i < Clients; i++)
        {
            layout.Tag(images[i].Manifest, $"image{i}");
        }

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(i =>
            Skopeo.CopyAsync(References.Oci(layout.Directory, $"image{i}"), Docker($"{prefix}/repo{i}", "v1"))));

        for (var i = 0; i < Clients; i++)
        {
            LayoutAssert.SameDigest(images[i].Manifest, await Skopeo.InspectRawAsync(Docker($"{prefix}/repo{i}", "v1")));
        }
    }
}

[Collection(SqliteGallery.Name)]
public sealed class SqliteSkopeoConcurrencyTests(SqliteGalleryFixture fixture) : SkopeoConcurrencyTests(fixture);

[Collection(PostgresGallery.Name)]
public sealed class PostgresSkopeoConcurrencyTests(PostgresGalleryFixture fixture) : SkopeoConcurrencyTests(fixture);
