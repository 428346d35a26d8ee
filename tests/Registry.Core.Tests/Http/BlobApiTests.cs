using System.Net;
using System.Net.Http.Headers;
using Gallery.Testing;

namespace Registry.Core.Tests.Http;

public abstract class BlobApiTests(RegistryFixture fixture) : ApiTestBase(fixture)
{
    private const string UnknownDigest = "sha256:b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";

    [Fact]
    public async Task Unknown_blob_is_404_for_head_and_get()
    {
        var name = RegistryApi.UniqueName();
        await Api.PushBlobAsync(name, TestBlob.Random(10));

        using var head = await Api.SendAsync(HttpMethod.Head, $"/v2/{name}/blobs/{UnknownDigest}");
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        using var get = await Client.GetAsync($"/v2/{name}/blobs/{UnknownDigest}");
        await RegistryApi.AssertErrorAsync(get, HttpStatusCode.NotFound, "BLOB_UNKNOWN");
    }

    [Fact]
    public async Task Pushed_blob_is_served_with_digest_and_length()
    {
        var name = RegistryApi.UniqueName();
        var blob = TestBlob.Random(5000);
        await Api.PushBlobAsync(name, blob);

        using var head = await Api.SendAsync(HttpMethod.Head, $"/v2/{name}/blobs/{blob.Digest}");
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(5000, head.Content.Headers.ContentLength);
        Assert.Equal(blob.Digest, RegistryApi.Header(head, "Docker-Content-Digest"));
        Assert.Equal("registry/2.0", RegistryApi.Header(head, "Docker-Distribution-API-Version"));

        using var get = await Client.GetAsync($"/v2/{name}/blobs/{blob.Digest}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(blob.Content, await get.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Range_requests_return_partial_content_or_416()
    {
        var name = RegistryApi.UniqueName();
        var blob = TestBlob.Random(1000);
        await Api.PushBlobAsync(name, blob);

        using var partial = await Api.SendAsync(HttpMethod.Get, $"/v2/{name}/blobs/{blob.Digest}", configure: r => r.Headers.Range = new RangeHeaderValue(100, 199));
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(blob.Content[100..200], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes 100-199/1000", partial.Content.Headers.ContentRange?.ToString());

        using var unsatisfiable = await Api.SendAsync(HttpMethod.Get, $"/v2/{name}/blobs/{blob.Digest}", configure: r => r.Headers.Range = new RangeHeaderValue(5000, 6000));
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);
    }

    [Fact]
    public async Task A_blob_is_readable_only_in_repositories_that_hold_it()
    {
        var owner = RegistryApi.UniqueName();
        var other = RegistryApi.UniqueName();
        var blob = TestBlob.Random(64);
        await Api.PushBlobAsync(owner, blob);
        await Api.PushBlobAsync(other, TestBlob.Random(64));

        using var response = await Client.GetAsync($"/v2/{other}/blobs/{blob.Digest}");
        await RegistryApi.AssertErrorAsync(response, HttpStatusCode.NotFound, "BLOB_UNKNOWN");
    }

    [Fact]
    public async Task Deleting_a_blob_unlinks_it_from_that_repository_only()
    {
        var first = RegistryApi.UniqueName();
        var second = RegistryApi.UniqueName();
        var blob = TestBlob.Random(128);
        await Api.PushBlobAsync(first, blob);
        await Api.PushBlobAsync(second, blob);

        using var delete = await Client.DeleteAsync($"/v2/{first}/blobs/{blob.Digest}");
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        using var gone = await Client.GetAsync($"/v2/{first}/blobs/{blob.Digest}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using var stillThere = await Client.GetAsync($"/v2/{second}/blobs/{blob.Digest}");
        Assert.Equal(blob.Content, await stillThere.Content.ReadAsByteArrayAsync());

        using var again = await Client.DeleteAsync($"/v2/{first}/blobs/{blob.Digest}");
        await RegistryApi.AssertErrorAsync(again, HttpStatusCode.NotFound, "BLOB_UNKNOWN");
    }

    [Theory]
    [InlineData("sha256:abc")]
    [InlineData("sha256:B94D27B9934D3E08A52E52D7DA7DABFAC484EFE37A5380EE9088F7ACE2EFCDE9")]
    [InlineData("md5:5eb63bbbe01eeed093cb22bb8f5acdc3")]
    [InlineData("notadigest")]
    public async Task Malformed_digests_are_digest_invalid(string digest)
    {
        var name = RegistryApi.UniqueName();
        await Api.PushBlobAsync(name, TestBlob.Random(8));
        using var response = await Client.GetAsync($"/v2/{name}/blobs/{digest}");
        await RegistryApi.AssertErrorAsync(response, HttpStatusCode.BadRequest, "DIGEST_INVALID");
    }

    [Theory]
    [InlineData("UPPER/case")]
    [InlineData("noalias")]
    [InlineData("a/bc")]
    [InlineData("9starts-with-digit/repo")]
    [InlineData("tests/double--dash")]
    [InlineData("tests/trailing-")]
    [InlineData("tests%2Fencoded/slash")]
    [InlineData("tests/has%20space")]
    public async Task Invalid_repository_names_are_name_invalid(string name)
    {
        using var response = await Client.GetAsync($"/v2/{name}/blobs/{UnknownDigest}");
        await RegistryApi.AssertErrorAsync(response, HttpStatusCode.BadRequest, "NAME_INVALID");
    }

    [Fact]
    public async Task Overlong_repository_name_is_name_invalid()
    {
        using var response = await Client.GetAsync($"/v2/tests/{new string('a', 206)}/tags/list");
        await RegistryApi.AssertErrorAsync(response, HttpStatusCode.BadRequest, "NAME_INVALID");
    }

    [Fact]
    public async Task Dot_segments_cannot_escape_the_repository()
    {
        var name = RegistryApi.UniqueName();
        var blob = TestBlob.Random(16);
        await Api.PushBlobAsync(name, blob);
        using var response = await Client.GetAsync($"/v2/other/..%2F..%2F{name}/blobs/{blob.Digest}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Unsupported_methods_are_405_with_an_error_body()
    {
        var name = RegistryApi.UniqueName();
        using var response = await Api.SendAsync(HttpMethod.Put, $"/v2/{name}/blobs/{UnknownDigest}", RegistryApi.Octets([1]));
        await RegistryApi.AssertErrorAsync(response, HttpStatusCode.MethodNotAllowed, "UNSUPPORTED");
    }
}

public sealed class SqliteBlobApiTests(SqliteRegistryFixture fixture) : BlobApiTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresBlobApiTests(PostgresRegistryFixture fixture) : BlobApiTests(fixture), IClassFixture<PostgresRegistryFixture>;

public sealed class S3BlobApiTests(PostgresS3RegistryFixture fixture) : BlobApiTests(fixture), IClassFixture<PostgresS3RegistryFixture>;
