using System.Net;
using System.Text;
using Gallery.Testing;
using Registry.Core.Oci;

namespace Registry.Core.Tests.Http;

/// <summary>
/// JSON that parses but whose strings are not Unicode text: raw bytes that are not UTF-8, and escapes of lone
/// surrogates. A manifest like that is a client error; a config blob like that is simply not described.
/// </summary>
public abstract class ManifestTextApiTests(RegistryFixture fixture) : ApiTestBase(fixture)
{
    public static TheoryData<string> Broken => ["\\ud800", "\\udc00x", "RAW\xff"];

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task Manifest_whose_annotation_value_is_not_text_is_manifest_invalid(string value)
    {
        var (name, config) = await PushConfigAsync(TestBlob.Config());
        using var response = await PutAsync(name, Manifest(config, $$"""{"a":"{{value}}"}"""));
        await RegistryApi.AssertErrorAsync(response, HttpStatusCode.BadRequest, "MANIFEST_INVALID");
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task Manifest_whose_annotation_key_is_not_text_is_manifest_invalid(string key)
    {
        var (name, config) = await PushConfigAsync(TestBlob.Config());
        using var response = await PutAsync(name, Manifest(config, $$"""{"{{key}}":"a"}"""));
        await RegistryApi.AssertErrorAsync(response, HttpStatusCode.BadRequest, "MANIFEST_INVALID");
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task Manifest_with_a_field_named_with_non_text_is_manifest_invalid(string key)
    {
        // The escaped name before it makes lookups unescape names as they compare them.
        var (name, config) = await PushConfigAsync(TestBlob.Config());
        var manifest = Manifest(config, "{}").Replace("{\"schemaVersion\"", $"{{\"sche\\u006daVersion\":2,\"{key}\":1,\"schemaVersion\"", StringComparison.Ordinal);
        using var response = await PutAsync(name, manifest);
        await RegistryApi.AssertErrorAsync(response, HttpStatusCode.BadRequest, "MANIFEST_INVALID");
    }

    [Fact]
    public async Task Manifest_whose_media_type_is_not_text_is_manifest_invalid()
    {
        var (name, config) = await PushConfigAsync(TestBlob.Config());
        var manifest = Manifest(config, "{}").Replace(MediaTypes.OciManifest, MediaTypes.OciManifest + "\\ud800", StringComparison.Ordinal);
        using var response = await PutAsync(name, manifest, contentType: null);
        await RegistryApi.AssertErrorAsync(response, HttpStatusCode.BadRequest, "MANIFEST_INVALID");
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task Config_whose_strings_are_not_text_is_accepted_without_a_platform(string os)
    {
        var config = new TestBlob(Latin1($$$"""{"architecture":"amd64","os":"{{{os}}}","rootfs":{"type":"layers","diff_ids":[]}}"""), MediaTypes.OciImageConfig);
        var (name, _) = await PushConfigAsync(config);

        using var response = await PutAsync(name, Manifest(config, "{}"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var get = await Client.GetAsync($"/v2/{name}/manifests/v1");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    private async Task<(string Name, TestBlob Config)> PushConfigAsync(TestBlob config)
    {
        var name = RegistryApi.UniqueName();
        await Api.PushBlobAsync(name, config);
        return (name, config);
    }

    private static string Manifest(TestBlob config, string annotations) =>
        $$"""{"schemaVersion":2,"mediaType":"{{MediaTypes.OciManifest}}","config":{"mediaType":"{{config.MediaType}}","digest":"{{config.Digest}}","size":{{config.Content.Length}}},"layers":[],"annotations":{{annotations}}}""";

    private Task<HttpResponseMessage> PutAsync(string name, string manifest, string? contentType = MediaTypes.OciManifest)
    {
        var content = new ByteArrayContent(Latin1(manifest));
        if (contentType is not null)
        {
            content.Headers.ContentType = new(contentType);
        }

        return Client.PutAsync($"/v2/{name}/manifests/v1", content);
    }

    /// <summary>One byte per char, so that "\xff" in a test string is the raw byte 0xFF, which is never UTF-8.</summary>
    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);
}

public sealed class SqliteManifestTextApiTests(SqliteRegistryFixture fixture) : ManifestTextApiTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresManifestTextApiTests(PostgresRegistryFixture fixture) : ManifestTextApiTests(fixture), IClassFixture<PostgresRegistryFixture>;
