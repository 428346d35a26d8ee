using Gallery.Testing.OciLayouts;

namespace Gallery.EndToEnd.Tests;

/// <summary>Token auth as skopeo meets it: anyone may pull, only the publisher (with the right secret) may push.</summary>
public abstract class SkopeoAuthTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    [Fact]
    public async Task Anonymous_pull_gets_the_pushed_image()
    {
        var repository = References.UniqueRepository("public");
        var (layout, image) = OciLayouts.SingleLayer(Temp.Sub("push"), repository, "v1");
        await Skopeo.CopyAsync(References.Oci(layout.Directory, "v1"), Docker(repository, "v1"));

        await Skopeo.CopyAsync(Docker(repository, "v1"), References.Oci(Temp.Sub("pull"), "v1"), credentials: null);

        LayoutAssert.SameImage(layout, image, new OciLayoutReader(Temp.Sub("pull")), "v1");
        LayoutAssert.SameDigest(image.Manifest, await Skopeo.InspectRawAsync(Docker(repository, "v1"), credentials: null));
    }

    [Fact]
    public async Task Push_without_credentials_or_with_a_wrong_secret_is_refused_and_stores_nothing()
    {
        var repository = References.UniqueRepository("refused");
        var (layout, _) = OciLayouts.SingleLayer(Temp.Sub("push"), repository, "v1");
        var source = References.Oci(layout.Directory, "v1");

        await Skopeo.CopyExpectingFailureAsync(source, Docker(repository, "v1"), credentials: null);
        await Skopeo.CopyExpectingFailureAsync(source, Docker(repository, "v1"), credentials: Skopeo.Publisher[..Skopeo.Publisher.IndexOf(':')] + ":wrong-secret");

        var pull = await Skopeo.CopyExpectingFailureAsync(Docker(repository, "v1"), References.Oci(Temp.Sub("pull"), "v1"));
        Assert.Contains("unknown", pull.StandardError, StringComparison.OrdinalIgnoreCase);
    }
}

[Collection(SqliteGallery.Name)]
public sealed class SqliteSkopeoAuthTests(SqliteGalleryFixture fixture) : SkopeoAuthTests(fixture);

[Collection(PostgresGallery.Name)]
public sealed class PostgresSkopeoAuthTests(PostgresGalleryFixture fixture) : SkopeoAuthTests(fixture);
