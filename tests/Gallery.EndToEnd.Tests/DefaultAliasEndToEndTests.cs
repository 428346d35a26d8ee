using System.Net;
using Gallery.Testing;
using Gallery.Testing.OciLayouts;

namespace Gallery.EndToEnd.Tests;

/// <summary>
/// The bootstrap publisher has a custom alias; its default alias, listed by <c>aws ecr-public describe-registries</c>,
/// still serves the same images to skopeo (pull and push) and redirects its gallery links, as on ECR Public.
/// </summary>
public abstract class DefaultAliasEndToEndTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    [Fact]
    public async Task The_default_alias_serves_skopeo_and_redirects_gallery_links_to_the_custom_alias()
    {
        var registries = await new AwsCli(Gallery, Temp.Sub("home")).EcrPublicAsync("describe-registries");
        var defaultAlias = registries.GetProperty("registries")[0].GetProperty("aliases").EnumerateArray()
            .Single(a => a.GetProperty("defaultRegistryAlias").GetBoolean()).GetProperty("name").GetString()!;
        Assert.NotEqual(TestPublisher.Alias, defaultAlias);
        var repository = References.UniqueRepository("default-alias");
        var viaDefault = defaultAlias + repository[TestPublisher.Alias.Length..];
        var (layout, image) = OciLayouts.SingleLayer(Temp.Sub("push"), repository, "v1");

        await Skopeo.CopyAsync(References.Oci(layout.Directory, "v1"), Docker(viaDefault, "v1"));
        LayoutAssert.SameDigest(image.Manifest, await Skopeo.InspectRawAsync(Docker(repository, "v1"), credentials: null));
        await Skopeo.CopyAsync(Docker(viaDefault, "v1"), References.Oci(Temp.Sub("pull"), "v1"));
        LayoutAssert.SameImage(layout, image, new OciLayoutReader(Temp.Sub("pull")), "v1");

        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Gallery.BaseAddress };
        foreach (var (link, target) in new[]
                 {
                     ($"/{viaDefault}?tab=tags", $"/{repository}?tab=tags"), ($"/{defaultAlias}", $"/{TestPublisher.Alias}"),
                     ($"/{viaDefault}/%0Aa%20b", $"/{repository}/%0Aa%20b"),
                 })
        {
            using var response = await client.GetAsync(link);
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal(target, response.Headers.Location?.OriginalString);
        }
    }
}

[Collection(SqliteGallery.Name)]
public sealed class SqliteDefaultAliasEndToEndTests(SqliteGalleryFixture fixture) : DefaultAliasEndToEndTests(fixture);

[Collection(PostgresGallery.Name)]
public sealed class PostgresDefaultAliasEndToEndTests(PostgresGalleryFixture fixture) : DefaultAliasEndToEndTests(fixture);
