using System.Net;
using System.Text.Json;
using Gallery.Testing;
using Registry.Core.Oci;

namespace Registry.Core.Tests.Http;

public abstract class ReferrersApiTests(RegistryFixture fixture) : ApiTestBase(fixture)
{
    private const string SignatureType = "application/vnd.example.signature";
    private const string SbomType = "application/vnd.example.sbom";

    [Fact]
    public async Task Referrers_are_listed_by_subject_and_filtered_by_artifact_type()
    {
        var name = RegistryApi.UniqueName();
        var subject = TestImage.Create();
        var empty = new TestBlob("{}"u8.ToArray(), MediaTypes.OciEmpty);

        // Referrers may be pushed before their subject exists.
        var signature = new TestImage(empty, [TestBlob.Random(20, SignatureType)], subject.Descriptor(os: null), SignatureType,
            new Dictionary<string, string> { ["org.example.kind"] = "signature" });
        var sbomByConfig = new TestImage(new TestBlob("sbom"u8.ToArray(), SbomType), [empty], subject.Descriptor(os: null));
        await Api.PushImageAsync(name, signature, signature.Digest);
        await Api.PushBlobAsync(name, sbomByConfig.Config);
        using (var put = await Api.PutManifestAsync(name, sbomByConfig.Digest, sbomByConfig.Manifest, sbomByConfig.MediaType))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            Assert.Equal(subject.Digest, RegistryApi.Header(put, "OCI-Subject"));
        }

        await Api.PushImageAsync(name, subject);

        using var all = await Client.GetAsync($"/v2/{name}/referrers/{subject.Digest}");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal(MediaTypes.OciIndex, all.Content.Headers.ContentType!.ToString());
        var descriptors = Manifests(await all.Content.ReadAsStringAsync());
        Assert.Equal(2, descriptors.Count);
        var signatureEntry = descriptors.Single(d => d.GetProperty("digest").GetString() == signature.Digest);
        Assert.Equal(SignatureType, signatureEntry.GetProperty("artifactType").GetString());
        Assert.Equal("signature", signatureEntry.GetProperty("annotations").GetProperty("org.example.kind").GetString());
        Assert.Equal(signature.Manifest.Length, signatureEntry.GetProperty("size").GetInt64());

        using var filtered = await Client.GetAsync($"/v2/{name}/referrers/{subject.Digest}?artifactType={Uri.EscapeDataString(SbomType)}");
        Assert.Equal("artifactType", RegistryApi.Header(filtered, "OCI-Filters-Applied"));
        var sboms = Manifests(await filtered.Content.ReadAsStringAsync());
        Assert.Equal(sbomByConfig.Digest, Assert.Single(sboms).GetProperty("digest").GetString());
    }

    [Fact]
    public async Task Unknown_subject_has_no_referrers_even_in_an_unknown_repository()
    {
        var digest = TestBlob.Random(1).Digest;
        using var response = await Client.GetAsync($"/v2/{RegistryApi.UniqueName()}/referrers/{digest}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Manifests(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Malformed_subject_digest_is_digest_invalid()
    {
        using var response = await Client.GetAsync($"/v2/{RegistryApi.UniqueName()}/referrers/sha256:nope");
        await RegistryApi.AssertErrorAsync(response, HttpStatusCode.BadRequest, "DIGEST_INVALID");
    }

    private static List<JsonElement> Manifests(string body)
    {
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(2, json.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(MediaTypes.OciIndex, json.GetProperty("mediaType").GetString());
        return json.GetProperty("manifests").EnumerateArray().ToList();
    }
}

public sealed class SqliteReferrersApiTests(SqliteRegistryFixture fixture) : ReferrersApiTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresReferrersApiTests(PostgresRegistryFixture fixture) : ReferrersApiTests(fixture), IClassFixture<PostgresRegistryFixture>;
