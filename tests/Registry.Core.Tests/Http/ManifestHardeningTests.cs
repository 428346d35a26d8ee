using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Gallery.Testing;
using Registry.Core.Oci;

namespace Registry.Core.Tests.Http;

/// <summary>What an attacker (or a careless client) tries against manifest pushes and the referrers filter.</summary>
public abstract class ManifestHardeningTests(RegistryFixture fixture) : ApiTestBase(fixture)
{
    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public async Task Layer_descriptor_whose_size_differs_from_the_stored_blob_is_manifest_invalid(int difference)
    {
        var name = RegistryApi.UniqueName();
        var layer = TestBlob.Random(1000);
        var config = TestBlob.Config();
        await Api.PushBlobAsync(name, layer);
        await Api.PushBlobAsync(name, config);
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new
        {
            schemaVersion = 2,
            mediaType = MediaTypes.OciManifest,
            config = config.Descriptor,
            layers = new[] { new { mediaType = layer.MediaType, digest = layer.Digest, size = layer.Content.Length + difference } },
        });

        using var response = await Api.PutManifestAsync(name, "v1", manifest, MediaTypes.OciManifest);
        var body = await RegistryApi.AssertErrorAsync(response, HttpStatusCode.BadRequest, "MANIFEST_INVALID");
        Assert.Contains(layer.Digest, body, StringComparison.Ordinal);
        using var get = await Client.GetAsync($"/v2/{name}/manifests/v1");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task Config_descriptor_whose_size_differs_from_the_stored_blob_is_manifest_invalid()
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create();
        foreach (var blob in image.Blobs)
        {
            await Api.PushBlobAsync(name, blob);
        }

        var manifest = Encoding.UTF8.GetString(image.Manifest)
            .Replace($"\"size\": {image.Config.Content.Length}", $"\"size\": {image.Config.Content.Length + 7}", StringComparison.Ordinal);
        using var response = await Api.PutManifestAsync(name, "v1", Encoding.UTF8.GetBytes(manifest), MediaTypes.OciManifest);
        await RegistryApi.AssertErrorAsync(response, HttpStatusCode.BadRequest, "MANIFEST_INVALID");
    }

    [Fact]
    public async Task Index_entry_whose_size_differs_from_the_stored_manifest_is_manifest_invalid()
    {
        var name = RegistryApi.UniqueName();
        var child = TestImage.Create();
        await Api.PushImageAsync(name, child, child.Digest);
        var index = TestImage.Index(new { mediaType = child.MediaType, digest = child.Digest, size = child.Manifest.Length - 1, platform = new { os = "linux", architecture = "amd64" } });

        using var response = await Api.PutManifestAsync(name, "multi", index, MediaTypes.OciIndex);
        await RegistryApi.AssertErrorAsync(response, HttpStatusCode.BadRequest, "MANIFEST_INVALID");
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/octet-stream")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData(null)]
    public async Task Manifest_sent_with_a_content_type_that_is_not_a_manifest_type_is_manifest_invalid(string? contentType)
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create();
        foreach (var blob in image.Blobs)
        {
            await Api.PushBlobAsync(name, blob);
        }

        var content = new ByteArrayContent(image.Manifest);
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        using var response = await Client.PutAsync($"/v2/{name}/manifests/v1", content);
        var body = await RegistryApi.AssertErrorAsync(response, HttpStatusCode.BadRequest, "MANIFEST_INVALID");
        Assert.Contains("Content-Type", body, StringComparison.Ordinal);
        using var get = await Client.GetAsync($"/v2/{name}/manifests/v1");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task Literal_plus_in_the_artifact_type_filter_is_a_plus()
    {
        const string artifactType = "application/vnd.example.sbom+json";
        var name = RegistryApi.UniqueName();
        var subject = TestImage.Create();
        await Api.PushImageAsync(name, subject);
        var empty = new TestBlob("{}"u8.ToArray(), MediaTypes.OciEmpty);
        var sbom = new TestImage(empty, [TestBlob.Random(30, "application/spdx+json")], subject.Descriptor(os: null), artifactType);
        await Api.PushImageAsync(name, sbom, sbom.Digest);

        // Unescaped, as clients that build the URL by hand send it.
        using var response = await Client.GetAsync($"/v2/{name}/referrers/{subject.Digest}?artifactType={artifactType}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var index = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var entry = Assert.Single(index.RootElement.GetProperty("manifests").EnumerateArray());
        Assert.Equal(artifactType, entry.GetProperty("artifactType").GetString());
    }
}

public sealed class SqliteManifestHardeningTests(SqliteRegistryFixture fixture) : ManifestHardeningTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresManifestHardeningTests(PostgresRegistryFixture fixture) : ManifestHardeningTests(fixture), IClassFixture<PostgresRegistryFixture>;
