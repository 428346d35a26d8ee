using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gallery.Testing;
using Registry.Core.Oci;

namespace Registry.Core.Tests.Http;

public abstract class ManifestApiTests(RegistryFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Pushed_manifest_is_served_byte_for_byte_by_tag_and_digest()
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create(layers: 3);
        foreach (var blob in image.Blobs)
        {
            await Api.PushBlobAsync(name, blob);
        }

        using var put = await Api.PutManifestAsync(name, "v1", image.Manifest, MediaTypes.OciManifest);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal($"/v2/{name}/manifests/{image.Digest}", put.Headers.Location!.ToString());
        Assert.Equal(image.Digest, RegistryApi.Header(put, "Docker-Content-Digest"));

        foreach (var reference in new[] { "v1", image.Digest })
        {
            using var get = await Client.GetAsync($"/v2/{name}/manifests/{reference}");
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Equal(image.Manifest, await get.Content.ReadAsByteArrayAsync());
            Assert.Equal(MediaTypes.OciManifest, get.Content.Headers.ContentType!.ToString());
            Assert.Equal(image.Digest, RegistryApi.Header(get, "Docker-Content-Digest"));
            Assert.Equal($"\"{image.Digest}\"", get.Headers.ETag!.ToString());

            using var head = await Api.SendAsync(HttpMethod.Head, $"/v2/{name}/manifests/{reference}");
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(image.Manifest.Length, head.Content.Headers.ContentLength);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Repushing_the_same_manifest_is_201_again_and_tags_move()
    {
        var name = RegistryApi.UniqueName();
        var first = TestImage.Create();
        var second = TestImage.Create();
        await Api.PushImageAsync(name, first, "latest");
        await Api.PushImageAsync(name, first, "latest");
        await Api.PushImageAsync(name, second, "latest");

        using var get = await Client.GetAsync($"/v2/{name}/manifests/latest");
        Assert.Equal(second.Digest, RegistryApi.Header(get, "Docker-Content-Digest"));
        using var old = await Client.GetAsync($"/v2/{name}/manifests/{first.Digest}");
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }

    [Fact]
    public async Task Push_by_digest_must_match_the_content()
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create();
        foreach (var blob in image.Blobs)
        {
            await Api.PushBlobAsync(name, blob);
        }

        using var wrong = await Api.PutManifestAsync(name, TestBlob.Random(4).Digest, image.Manifest, MediaTypes.OciManifest);
        await RegistryApi.AssertErrorAsync(wrong, HttpStatusCode.BadRequest, "DIGEST_INVALID");
        using var right = await Api.PutManifestAsync(name, image.Digest, image.Manifest, MediaTypes.OciManifest);
        Assert.Equal(HttpStatusCode.Created, right.StatusCode);
    }

    [Fact]
    public async Task Manifest_with_a_missing_blob_is_refused_and_stores_nothing()
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create(layers: 2);
        await Api.PushBlobAsync(name, image.Config);
        await Api.PushBlobAsync(name, image.Layers[0]);

        using var put = await Api.PutManifestAsync(name, "broken", image.Manifest, MediaTypes.OciManifest);
        var message = await RegistryApi.AssertErrorAsync(put, HttpStatusCode.BadRequest, "MANIFEST_BLOB_UNKNOWN");
        Assert.Contains(image.Layers[1].Digest, message);
        using var get = await Client.GetAsync($"/v2/{name}/manifests/broken");
        await RegistryApi.AssertErrorAsync(get, HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
    }

    [Fact]
    public async Task Index_needs_its_children_and_is_served_as_an_index()
    {
        var name = RegistryApi.UniqueName();
        var amd64 = TestImage.Create(architecture: "amd64");
        var arm64 = TestImage.Create(architecture: "arm64");
        var index = TestImage.Index(amd64.Descriptor("linux", "amd64"), arm64.Descriptor("linux", "arm64"));
        await Api.PushImageAsync(name, amd64, amd64.Digest);

        using var refused = await Api.PutManifestAsync(name, "multi", index, MediaTypes.OciIndex);
        await RegistryApi.AssertErrorAsync(refused, HttpStatusCode.BadRequest, "MANIFEST_BLOB_UNKNOWN");

        await Api.PushImageAsync(name, arm64, arm64.Digest);
        using var put = await Api.PutManifestAsync(name, "multi", index, MediaTypes.OciIndex);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        using var get = await Client.GetAsync($"/v2/{name}/manifests/multi");
        Assert.Equal(MediaTypes.OciIndex, get.Content.Headers.ContentType!.ToString());
        Assert.Equal(index, await get.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Tag_fetch_honours_accept_but_digest_fetch_does_not()
    {
        var name = RegistryApi.UniqueName();
        var child = TestImage.Create();
        await Api.PushImageAsync(name, child, child.Digest);
        var index = TestImage.Index(child.Descriptor());
        using var put = await Api.PutManifestAsync(name, "multi", index, MediaTypes.OciIndex);
        var indexDigest = RegistryApi.Header(put, "Docker-Content-Digest");

        using var onlyImages = await Api.SendAsync(HttpMethod.Get, $"/v2/{name}/manifests/multi",
            configure: r => r.Headers.Accept.ParseAdd(MediaTypes.OciManifest));
        await RegistryApi.AssertErrorAsync(onlyImages, HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");

        using var both = await Api.SendAsync(HttpMethod.Get, $"/v2/{name}/manifests/multi",
            configure: r => r.Headers.Accept.ParseAdd($"{MediaTypes.OciManifest}, {MediaTypes.OciIndex}"));
        Assert.Equal(HttpStatusCode.OK, both.StatusCode);

        using var byDigest = await Api.SendAsync(HttpMethod.Get, $"/v2/{name}/manifests/{indexDigest}",
            configure: r => r.Headers.Accept.ParseAdd(MediaTypes.OciManifest));
        Assert.Equal(HttpStatusCode.OK, byDigest.StatusCode);
    }

    [Fact]
    public async Task Docker_schema2_manifest_and_list_keep_their_media_types()
    {
        var name = RegistryApi.UniqueName();
        var config = new TestBlob(TestBlob.Config().Content, MediaTypes.DockerImageConfig);
        var image = new TestImage(config, [TestBlob.Random(50, "application/vnd.docker.image.rootfs.diff.tar.gzip")], mediaType: MediaTypes.DockerManifest);
        await Api.PushImageAsync(name, image, "docker");
        var list = TestImage.Index(MediaTypes.DockerManifestList, image.Descriptor());
        using var putList = await Api.PutManifestAsync(name, "list", list, MediaTypes.DockerManifestList);
        Assert.True(putList.StatusCode == HttpStatusCode.Created, await putList.Content.ReadAsStringAsync());

        using var get = await Client.GetAsync($"/v2/{name}/manifests/docker");
        Assert.Equal(MediaTypes.DockerManifest, get.Content.Headers.ContentType!.ToString());
        using var getList = await Client.GetAsync($"/v2/{name}/manifests/list");
        Assert.Equal(MediaTypes.DockerManifestList, getList.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Manifest_without_media_type_field_is_accepted_by_content_type()
    {
        var name = RegistryApi.UniqueName();
        var config = TestBlob.Config();
        await Api.PushBlobAsync(name, config);
        var manifest = Encoding.UTF8.GetBytes($$"""{"schemaVersion":2,"config":{"mediaType":"{{config.MediaType}}","digest":"{{config.Digest}}","size":{{config.Content.Length}},"data":"e30=","newUnspecifiedField":null},"layers":[]}""");
        using var put = await Api.PutManifestAsync(name, "emptylayer", manifest, MediaTypes.OciManifest);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
    }

    public static TheoryData<string, string> InvalidManifests => new()
    {
        { "blablabla", MediaTypes.OciManifest },
        { "[]", MediaTypes.OciManifest },
        { """{"schemaVersion":1,"name":"x","tag":"y","fsLayers":[]}""", MediaTypes.DockerSchema1Signed },
        { """{"schemaVersion":1,"name":"x","tag":"y","fsLayers":[]}""", "application/json" },
        { """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{},"layers":[]}""", MediaTypes.OciManifest },
        { """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","layers":[]}""", MediaTypes.OciManifest },
        { """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}""", MediaTypes.OciManifest },
        { """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"x","digest":"sha256:zz","size":1}]}""", MediaTypes.OciIndex },
        { """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"x","digest":"sha256:b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9","size":-1}]}""", MediaTypes.OciIndex },
        { """{"schemaVersion":2,"mediaType":"application/vnd.example.unknown+json"}""", "application/vnd.example.unknown+json" },
    };

    [Theory]
    [MemberData(nameof(InvalidManifests))]
    public async Task Invalid_manifests_are_manifest_invalid_and_store_nothing(string body, string contentType)
    {
        var name = RegistryApi.UniqueName();
        await Api.PushBlobAsync(name, TestBlob.Random(4));
        using var put = await Api.PutManifestAsync(name, "bad", Encoding.UTF8.GetBytes(body), contentType);
        await RegistryApi.AssertErrorAsync(put, HttpStatusCode.BadRequest, "MANIFEST_INVALID");
        using var get = await Client.GetAsync($"/v2/{name}/manifests/bad");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task Oversized_manifest_is_413()
    {
        var name = RegistryApi.UniqueName();
        var huge = new byte[4 * 1024 * 1024 + 1];
        using var put = await Api.PutManifestAsync(name, "huge", huge, MediaTypes.OciManifest);
        await RegistryApi.AssertErrorAsync(put, HttpStatusCode.RequestEntityTooLarge, "SIZE_INVALID");
    }

    [Theory]
    [InlineData(".INVALID_MANIFEST_NAME")]
    [InlineData("-leading-dash")]
    public async Task Invalid_tags_are_unknown_on_read_and_invalid_on_write(string tag)
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create();
        await Api.PushImageAsync(name, image);
        using var get = await Client.GetAsync($"/v2/{name}/manifests/{tag}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        using var head = await Api.SendAsync(HttpMethod.Head, $"/v2/{name}/manifests/{tag}");
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        using var put = await Api.PutManifestAsync(name, tag, image.Manifest, MediaTypes.OciManifest);
        await RegistryApi.AssertErrorAsync(put, HttpStatusCode.BadRequest, "MANIFEST_INVALID");
    }

    [Fact]
    public async Task Malformed_digest_reference_is_digest_invalid()
    {
        var name = RegistryApi.UniqueName();
        await Api.PushImageAsync(name, TestImage.Create());
        using var get = await Client.GetAsync($"/v2/{name}/manifests/sha256:totallywrong");
        await RegistryApi.AssertErrorAsync(get, HttpStatusCode.BadRequest, "DIGEST_INVALID");
    }

    [Fact]
    public async Task Manifest_in_unknown_repository_is_name_unknown()
    {
        using var get = await Client.GetAsync($"/v2/{RegistryApi.UniqueName()}/manifests/latest");
        await RegistryApi.AssertErrorAsync(get, HttpStatusCode.NotFound, "NAME_UNKNOWN");
    }

    [Fact]
    public async Task If_none_match_with_the_digest_is_304()
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create();
        await Api.PushImageAsync(name, image);
        using var get = await Api.SendAsync(HttpMethod.Get, $"/v2/{name}/manifests/latest",
            configure: r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{image.Digest}\"")));
        Assert.Equal(HttpStatusCode.NotModified, get.StatusCode);
    }

    [Fact]
    public async Task Deleting_a_tag_keeps_the_manifest_and_deleting_the_manifest_removes_its_tags()
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create();
        await Api.PushImageAsync(name, image, "one");
        await Api.PushImageAsync(name, image, "two");

        using var deleteTag = await Client.DeleteAsync($"/v2/{name}/manifests/one");
        Assert.Equal(HttpStatusCode.Accepted, deleteTag.StatusCode);
        using var tagGone = await Client.GetAsync($"/v2/{name}/manifests/one");
        Assert.Equal(HttpStatusCode.NotFound, tagGone.StatusCode);
        using var stillByDigest = await Client.GetAsync($"/v2/{name}/manifests/{image.Digest}");
        Assert.Equal(HttpStatusCode.OK, stillByDigest.StatusCode);

        using var deleteManifest = await Client.DeleteAsync($"/v2/{name}/manifests/{image.Digest}");
        Assert.Equal(HttpStatusCode.Accepted, deleteManifest.StatusCode);
        using var twoGone = await Client.GetAsync($"/v2/{name}/manifests/two");
        Assert.Equal(HttpStatusCode.NotFound, twoGone.StatusCode);
        using var tags = await Client.GetAsync($"/v2/{name}/tags/list");
        Assert.Equal("""{"name":"NAME","tags":[]}""".Replace("NAME", name), await tags.Content.ReadAsStringAsync());

        using var again = await Client.DeleteAsync($"/v2/{name}/manifests/{image.Digest}");
        await RegistryApi.AssertErrorAsync(again, HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        using var blob = await Client.GetAsync($"/v2/{name}/blobs/{image.Config.Digest}");
        Assert.Equal(HttpStatusCode.OK, blob.StatusCode);
    }
}

public sealed class SqliteManifestApiTests(SqliteRegistryFixture fixture) : ManifestApiTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresManifestApiTests(PostgresRegistryFixture fixture) : ManifestApiTests(fixture), IClassFixture<PostgresRegistryFixture>;

public sealed class S3ManifestApiTests(PostgresS3RegistryFixture fixture) : ManifestApiTests(fixture), IClassFixture<PostgresS3RegistryFixture>;
