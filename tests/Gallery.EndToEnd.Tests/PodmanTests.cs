using System.Formats.Tar;
using System.Net;
using System.Text.Json;
using Gallery.Testing.OciLayouts;

namespace Gallery.EndToEnd.Tests;

/// <summary>
/// podman loads an OCI archive, pushes it to the registry, and pulls it into fresh storage. podman recompresses
/// layers on push, so the manifest digest is podman's own; what must survive is the config (the image ID) and the
/// uncompressed layers (the diff_ids podman checks on pull).
/// </summary>
public abstract class PodmanTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    [Fact]
    public async Task Podman_push_then_pull_into_fresh_storage_gives_the_same_image()
    {
        var repository = References.UniqueRepository("podman");
        var (layout, image) = OciLayouts.ThreeLayers(Temp.Sub("layout"), repository, "v1");
        var archive = Temp.Sub("image.tar");
        await TarFile.CreateFromDirectoryAsync(layout.Directory, archive, includeBaseDirectory: false);
        var reference = $"{Gallery.Authority}/{repository}:v1";
        var imageId = image.Config.Hex;

        using var pusher = new Podman();
        await pusher.RunOkAsync("load", "-i", archive);
        await pusher.RunOkAsync("tag", imageId, reference);
        var digestFile = Temp.Sub("digest");
        await pusher.TransferAsync("push", "--digestfile", digestFile, reference);
        var pushedDigest = File.ReadAllText(digestFile).Trim();

        using (var response = await GetManifestAsync(repository, "v1"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(pushedDigest, response.Headers.GetValues("Docker-Content-Digest").Single());
            using var manifest = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(image.Config.Digest, manifest.RootElement.GetProperty("config").GetProperty("digest").GetString());
            Assert.Equal(image.Layers.Count, manifest.RootElement.GetProperty("layers").GetArrayLength());
        }

        using var puller = new Podman();
        await puller.TransferAsync("pull", reference);
        await puller.TransferAsync("pull", $"{Gallery.Authority}/{repository}@{pushedDigest}");
        using var inspected = JsonDocument.Parse(await puller.RunOkAsync("image", "inspect", reference));
        var pulled = inspected.RootElement[0];

        Assert.Equal(imageId, pulled.GetProperty("Id").GetString());
        Assert.Equal(pushedDigest, pulled.GetProperty("Digest").GetString());
        Assert.Equal(DiffIds(layout, image), pulled.GetProperty("RootFS").GetProperty("Layers").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("amd64", pulled.GetProperty("Architecture").GetString());
    }

    [Fact]
    public async Task Podman_pulls_the_requested_platform_of_an_index()
    {
        var repository = References.UniqueRepository("podman-multi");
        var (layout, index) = OciLayouts.MultiPlatform(Temp.Sub("layout"), repository, "v1");
        await Skopeo.CopyAsync(References.Oci(layout.Directory, "v1"), Docker(repository, "v1"), all: true);
        var reference = $"{Gallery.Authority}/{repository}:v1";

        foreach (var child in index.Children)
        {
            using var podman = new Podman();
            await podman.TransferAsync("pull", "--os", child.Platform.Os, "--arch", child.Platform.Architecture, reference);
            using var inspected = JsonDocument.Parse(await podman.RunOkAsync("image", "inspect", reference));
            var pulled = inspected.RootElement[0];
            Assert.Equal(child.Config.Hex, pulled.GetProperty("Id").GetString());
            Assert.Equal(child.Platform.Architecture, pulled.GetProperty("Architecture").GetString());
            Assert.Equal(DiffIds(layout, child), pulled.GetProperty("RootFS").GetProperty("Layers").EnumerateArray().Select(l => l.GetString()));
        }
    }

    private static IEnumerable<string?> DiffIds(OciLayoutBuilder layout, OciImage image)
    {
        using var config = JsonDocument.Parse(new OciLayoutReader(layout.Directory).ReadBlob(image.Config.Digest));
        return config.RootElement.GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray().Select(d => d.GetString()).ToList();
    }
}

[Collection(SqliteGallery.Name)]
public sealed class SqlitePodmanTests(SqliteGalleryFixture fixture) : PodmanTests(fixture);

[Collection(PostgresGallery.Name)]
public sealed class PostgresPodmanTests(PostgresGalleryFixture fixture) : PodmanTests(fixture);
