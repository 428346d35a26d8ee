using System.Security.Cryptography;
using System.Text.Json;
using Gallery.Testing.OciLayouts;

namespace Gallery.EndToEnd.Tests;

/// <summary>Pushes that are not a plain OCI copy: Docker schema 2 manifests, and copies between repositories of the registry.</summary>
public abstract class SkopeoFormatTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    private const string DockerManifestType = "application/vnd.docker.distribution.manifest.v2+json";
    private const string DockerManifestListType = "application/vnd.docker.distribution.manifest.list.v2+json";

    [Fact]
    public async Task Docker_schema2_push_is_served_as_pushed_and_pulls_back_the_same_layers()
    {
        var repository = References.UniqueRepository("docker");
        var (layout, image) = OciLayouts.ThreeLayers(Temp.Sub("push"), repository, "v1");

        await Skopeo.CopyAsync(References.Oci(layout.Directory, "v1"), Docker(repository, "v1"), format: "v2s2");

        var raw = await Skopeo.InspectRawAsync(Docker(repository, "v1"));
        using (var manifest = JsonDocument.Parse(raw))
        {
            Assert.Equal(DockerManifestType, manifest.RootElement.GetProperty("mediaType").GetString());
            Assert.Equal(image.Layers.Select(l => l.Digest), manifest.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("digest").GetString()));
        }

        var summary = await Skopeo.InspectAsync(Docker(repository, "v1"));
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(raw)), summary.GetProperty("Digest").GetString());
        Assert.Equal("amd64", summary.GetProperty("Architecture").GetString());

        // Pulled into an OCI layout the manifest is converted back, so compare what must not change: the layers.
        await Skopeo.CopyAsync(Docker(repository, "v1"), References.Oci(Temp.Sub("pull"), "v1"));
        var source = new OciLayoutReader(layout.Directory);
        var pulled = new OciLayoutReader(Temp.Sub("pull"));
        foreach (var layer in image.Layers)
        {
            Assert.Equal(source.ReadBlob(layer.Digest), pulled.ReadBlob(layer.Digest));
        }
    }

    [Fact]
    public async Task Docker_manifest_list_push_is_served_as_pushed_and_resolves_each_platform()
    {
        var repository = References.UniqueRepository("list");
        var (layout, index) = OciLayouts.MultiPlatform(Temp.Sub("push"), repository, "v1");

        await Skopeo.CopyAsync(References.Oci(layout.Directory, "v1"), Docker(repository, "v1"), all: true, format: "v2s2");

        using (var list = JsonDocument.Parse(await Skopeo.InspectRawAsync(Docker(repository, "v1"))))
        {
            Assert.Equal(DockerManifestListType, list.RootElement.GetProperty("mediaType").GetString());
            Assert.Equal(index.Children.Count, list.RootElement.GetProperty("manifests").GetArrayLength());
        }

        foreach (var child in index.Children)
        {
            var summary = await Skopeo.InspectAsync(Docker(repository, "v1"), overrideArchitecture: child.Platform.Architecture);
            Assert.Equal(child.Platform.Architecture, summary.GetProperty("Architecture").GetString());
            Assert.Equal(child.Layers.Select(l => l.Digest), summary.GetProperty("Layers").EnumerateArray().Select(l => l.GetString()));
        }
    }

    [Fact]
    public async Task Copy_between_repositories_keeps_the_manifest_digest()
    {
        var first = References.UniqueRepository("origin");
        var second = References.UniqueRepository("copy");
        var (layout, index) = OciLayouts.MultiPlatform(Temp.Sub("push"), first, "v1");
        await Skopeo.CopyAsync(References.Oci(layout.Directory, "v1"), Docker(first, "v1"), all: true);

        // skopeo mounts the blobs it knows the registry has (POST ...?mount=&from=) instead of uploading them again.
        await Skopeo.CopyAsync(Docker(first, "v1"), Docker(second, "copied"), all: true);

        Assert.Equal(index.ManifestBytes, await Skopeo.InspectRawAsync(Docker(second, "copied")));
        await Skopeo.CopyAsync(Docker(second, "copied"), References.Oci(Temp.Sub("pull"), "copied"), all: true);
        LayoutAssert.SameIndex(layout, index, new OciLayoutReader(Temp.Sub("pull")), "copied");
    }
}

[Collection(SqliteGallery.Name)]
public sealed class SqliteSkopeoFormatTests(SqliteGalleryFixture fixture) : SkopeoFormatTests(fixture);

[Collection(PostgresGallery.Name)]
public sealed class PostgresSkopeoFormatTests(PostgresGalleryFixture fixture) : SkopeoFormatTests(fixture);
