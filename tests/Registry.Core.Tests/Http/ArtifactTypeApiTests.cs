using System.Net;
using Gallery.Testing;
using Registry.Core.Oci;

namespace Registry.Core.Tests.Http;

/// <summary>
/// An artifact type is a media type (RFC 6838: type and subtype of at most 127 characters each); a manifest whose
/// artifactType, or whose config media type standing in for it, is not one is MANIFEST_INVALID and stores nothing.
/// </summary>
public abstract class ArtifactTypeApiTests(RegistryFixture fixture) : ApiTestBase(fixture)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_artifact_type_longer_than_a_media_type_can_be_is_manifest_invalid(bool declared)
    {
        var name = RegistryApi.UniqueName();
        var tooLong = "application/vnd.example." + new string('x', 300);
        var empty = new TestBlob("{}"u8.ToArray(), declared ? MediaTypes.OciEmpty : tooLong);
        var artifact = new TestImage(empty, [TestBlob.Random(20)], null, declared ? tooLong : null);
        await Api.PushBlobAsync(name, artifact.Config);
        await Api.PushBlobAsync(name, artifact.Layers[0]);

        using var put = await Api.PutManifestAsync(name, "v1", artifact.Manifest, artifact.MediaType);

        await RegistryApi.AssertErrorAsync(put, HttpStatusCode.BadRequest, "MANIFEST_INVALID");
        using var get = await Client.GetAsync($"/v2/{name}/manifests/v1");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task An_artifact_type_of_127_plus_127_characters_is_stored()
    {
        var name = RegistryApi.UniqueName();
        var longest = new string('a', 127) + "/" + new string('b', 127);
        var artifact = new TestImage(new TestBlob("{}"u8.ToArray(), MediaTypes.OciEmpty), [TestBlob.Random(20)], null, longest);
        await Api.PushImageAsync(name, artifact, "v1");

        using var get = await Client.GetAsync($"/v2/{name}/manifests/v1");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }
}

public sealed class SqliteArtifactTypeApiTests(SqliteRegistryFixture fixture) : ArtifactTypeApiTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresArtifactTypeApiTests(PostgresRegistryFixture fixture) : ArtifactTypeApiTests(fixture), IClassFixture<PostgresRegistryFixture>;
