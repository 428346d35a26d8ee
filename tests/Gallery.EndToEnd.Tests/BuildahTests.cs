using System.Net;
using System.Text.Json;

namespace Gallery.EndToEnd.Tests;

/// <summary>
/// buildah builds images from scratch, pushes them in both manifest formats and as a two-platform manifest list,
/// and pulls them back into fresh storage: the registry keeps what buildah wrote, byte for byte.
/// </summary>
public abstract class BuildahTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    [Theory]
    [InlineData("oci", "application/vnd.oci.image.manifest.v1+json")]
    [InlineData("v2s2", "application/vnd.docker.distribution.manifest.v2+json")]
    public async Task Buildah_pushes_an_image_it_built_and_pulls_it_back(string format, string mediaType)
    {
        var repository = References.UniqueRepository("buildah-" + format);
        using var builder = new Buildah();
        var image = await BuildAsync(builder, "image", "arm64", "hello from buildah");
        var digestFile = Temp.Sub("digest");
        await builder.TransferAsync(["push"], "--format", format, "--digestfile", digestFile, image, Docker(repository, "v1"));
        var pushed = File.ReadAllText(digestFile).Trim();

        using (var response = await GetManifestAsync(repository, "v1"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(pushed, response.Headers.GetValues("Docker-Content-Digest").Single());
            Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        }

        using var puller = new Buildah();
        await puller.TransferAsync(["pull"], $"{Gallery.Authority}/{repository}@{pushed}");
        using var inspected = JsonDocument.Parse(await puller.RunOkAsync("inspect", "--type", "image", $"{Gallery.Authority}/{repository}@{pushed}"));
        var config = inspected.RootElement.GetProperty("OCIv1");
        Assert.Equal("arm64", config.GetProperty("architecture").GetString());
        Assert.Equal("hello from buildah", config.GetProperty("config").GetProperty("Labels").GetProperty("org.example.greeting").GetString());
    }

    [Fact]
    public async Task Buildah_pushes_a_two_platform_manifest_list_with_all_its_images()
    {
        var repository = References.UniqueRepository("buildah-list");
        using var builder = new Buildah();
        var amd64 = await BuildAsync(builder, "amd64-image", "amd64", "amd64");
        var arm64 = await BuildAsync(builder, "arm64-image", "arm64", "arm64");
        await builder.RunOkAsync("manifest", "create", "multi");
        await builder.RunOkAsync("manifest", "add", "multi", amd64);
        await builder.RunOkAsync("manifest", "add", "multi", arm64);
        await builder.TransferAsync(["manifest", "push"], "--all", "multi", Docker(repository, "multi"));

        using var response = await GetManifestAsync(repository, "multi");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var list = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var children = list.RootElement.GetProperty("manifests").EnumerateArray().ToList();
        Assert.Equal(["amd64", "arm64"], children.Select(c => c.GetProperty("platform").GetProperty("architecture").GetString()).Order());
        foreach (var child in children)
        {
            using var manifest = await GetManifestAsync(repository, child.GetProperty("digest").GetString()!);
            Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
        }
    }

    /// <summary>An image from scratch with one file and a label, for one architecture; returns its local name.</summary>
    private async Task<string> BuildAsync(Buildah builder, string name, string architecture, string greeting)
    {
        var file = Temp.Sub(name + ".txt");
        await File.WriteAllTextAsync(file, greeting);
        var container = await builder.RunOkAsync("from", "--arch", architecture, "scratch");
        await builder.RunOkAsync("copy", container, file, "/greeting.txt");
        await builder.RunOkAsync("config", "--arch", architecture, "--os", "linux", "--label", "org.example.greeting=" + greeting, container);
        await builder.RunOkAsync("commit", "--rm", container, "localhost/" + name + ":latest");
        return "localhost/" + name + ":latest";
    }
}

[Collection(SqliteGallery.Name)]
public sealed class SqliteBuildahTests(SqliteGalleryFixture fixture) : BuildahTests(fixture);

[Collection(PostgresGallery.Name)]
public sealed class PostgresBuildahTests(PostgresGalleryFixture fixture) : BuildahTests(fixture);
