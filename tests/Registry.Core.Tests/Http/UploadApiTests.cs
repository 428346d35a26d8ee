using System.Net;
using System.Security.Cryptography;
using Gallery.Testing;

namespace Registry.Core.Tests.Http;

public abstract class UploadApiTests(RegistryFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Post_then_put_uploads_a_blob()
    {
        var name = RegistryApi.UniqueName();
        var blob = TestBlob.Random(3000);

        using var start = await Client.PostAsync($"/v2/{name}/blobs/uploads/", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var location = start.Headers.Location!.ToString();
        Assert.StartsWith($"/v2/{name}/blobs/uploads/", location);
        Assert.Equal("0-0", RegistryApi.Header(start, "Range"));
        Assert.NotEmpty(RegistryApi.Header(start, "Docker-Upload-UUID"));

        using var put = await Client.PutAsync($"{location}?digest={blob.Digest}", RegistryApi.Octets(blob.Content));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal($"/v2/{name}/blobs/{blob.Digest}", put.Headers.Location!.ToString());
        Assert.Equal(blob.Digest, RegistryApi.Header(put, "Docker-Content-Digest"));

        using var get = await Client.GetAsync($"/v2/{name}/blobs/{blob.Digest}");
        Assert.Equal(blob.Content, await get.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Chunks_in_order_build_the_blob_and_out_of_order_chunks_get_416_without_losing_the_session()
    {
        var name = RegistryApi.UniqueName();
        var blob = TestBlob.Random(42);
        using var start = await Client.PostAsync($"/v2/{name}/blobs/uploads/", null);
        var session = start.Headers.Location!.ToString();

        using var gap = await PatchAsync(session, blob.Content[22..], "22-41");
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, gap.StatusCode);

        using var first = await PatchAsync(session, blob.Content[..22], "0-21");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal("0-21", RegistryApi.Header(first, "Range"));

        using var repeat = await PatchAsync(session, blob.Content[..22], "0-21");
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, repeat.StatusCode);
        Assert.Equal("0-21", RegistryApi.Header(repeat, "Range"));

        using var status = await Client.GetAsync(session);
        Assert.Equal(HttpStatusCode.NoContent, status.StatusCode);
        Assert.Equal("0-21", RegistryApi.Header(status, "Range"));

        using var second = await PatchAsync(status.Headers.Location!.ToString(), blob.Content[22..], "22-41");
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal("0-41", RegistryApi.Header(second, "Range"));

        using var close = await Client.PutAsync($"{second.Headers.Location}?digest={blob.Digest}", RegistryApi.Octets([]));
        Assert.Equal(HttpStatusCode.Created, close.StatusCode);
        using var get = await Client.GetAsync($"/v2/{name}/blobs/{blob.Digest}");
        Assert.Equal(blob.Content, await get.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Streamed_patch_without_content_length_and_final_chunk_in_put()
    {
        var name = RegistryApi.UniqueName();
        var blob = TestBlob.Random(3 * 1024 * 1024 + 17);
        using var start = await Client.PostAsync($"/v2/{name}/blobs/uploads/", null);

        var streamed = new StreamContent(new UnknownLengthStream(blob.Content[..2_000_000]));
        using var patch = await Client.PatchAsync(start.Headers.Location, streamed);
        Assert.Equal(HttpStatusCode.Accepted, patch.StatusCode);
        Assert.Equal($"0-{2_000_000 - 1}", RegistryApi.Header(patch, "Range"));

        using var put = await Client.PutAsync($"{patch.Headers.Location}?digest={blob.Digest}", RegistryApi.Octets(blob.Content[2_000_000..]));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        using var head = await Api.SendAsync(HttpMethod.Head, $"/v2/{name}/blobs/{blob.Digest}");
        Assert.Equal(blob.Content.Length, head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Wrong_digest_stores_nothing_and_ends_the_session()
    {
        var name = RegistryApi.UniqueName();
        var blob = TestBlob.Random(100);
        var claimed = TestBlob.Random(100).Digest;
        using var start = await Client.PostAsync($"/v2/{name}/blobs/uploads/", null);
        var session = start.Headers.Location!.ToString();

        using var put = await Client.PutAsync($"{session}?digest={claimed}", RegistryApi.Octets(blob.Content));
        await RegistryApi.AssertErrorAsync(put, HttpStatusCode.BadRequest, "DIGEST_INVALID");

        using var byClaimed = await Api.SendAsync(HttpMethod.Head, $"/v2/{name}/blobs/{claimed}");
        Assert.Equal(HttpStatusCode.NotFound, byClaimed.StatusCode);
        using var byActual = await Api.SendAsync(HttpMethod.Head, $"/v2/{name}/blobs/{blob.Digest}");
        Assert.Equal(HttpStatusCode.NotFound, byActual.StatusCode);
        using var status = await Client.GetAsync(session);
        await RegistryApi.AssertErrorAsync(status, HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
    }

    [Fact]
    public async Task Monolithic_post_with_wrong_digest_stores_nothing()
    {
        var name = RegistryApi.UniqueName();
        var blob = TestBlob.Random(100);
        var claimed = TestBlob.Random(100).Digest;
        using var post = await Client.PostAsync($"/v2/{name}/blobs/uploads/?digest={claimed}", RegistryApi.Octets(blob.Content));
        await RegistryApi.AssertErrorAsync(post, HttpStatusCode.BadRequest, "DIGEST_INVALID");
        using var head = await Api.SendAsync(HttpMethod.Head, $"/v2/{name}/blobs/{claimed}");
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    [Fact]
    public async Task Sha512_digests_are_verified_too()
    {
        var name = RegistryApi.UniqueName();
        var content = RandomNumberGenerator.GetBytes(300);
        var digest = "sha512:" + Convert.ToHexStringLower(SHA512.HashData(content));
        using var post = await Client.PostAsync($"/v2/{name}/blobs/uploads/?digest={digest}", RegistryApi.Octets(content));
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        using var get = await Client.GetAsync($"/v2/{name}/blobs/{digest}");
        Assert.Equal(content, await get.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Put_without_a_digest_is_digest_invalid()
    {
        var name = RegistryApi.UniqueName();
        using var start = await Client.PostAsync($"/v2/{name}/blobs/uploads/", null);
        using var put = await Client.PutAsync(start.Headers.Location, RegistryApi.Octets([1, 2, 3]));
        await RegistryApi.AssertErrorAsync(put, HttpStatusCode.BadRequest, "DIGEST_INVALID");
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("not-a-uuid")]
    public async Task Unknown_upload_ids_are_blob_upload_unknown(string uploadId)
    {
        var name = RegistryApi.UniqueName();
        var path = $"/v2/{name}/blobs/uploads/{uploadId}";
        using var get = await Client.GetAsync(path);
        await RegistryApi.AssertErrorAsync(get, HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
        using var patch = await Client.PatchAsync(path, RegistryApi.Octets([1]));
        await RegistryApi.AssertErrorAsync(patch, HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
        using var put = await Client.PutAsync($"{path}?digest={TestBlob.Random(1).Digest}", RegistryApi.Octets([1]));
        await RegistryApi.AssertErrorAsync(put, HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
        using var delete = await Client.DeleteAsync(path);
        await RegistryApi.AssertErrorAsync(delete, HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
    }

    [Fact]
    public async Task A_session_belongs_to_its_repository()
    {
        var name = RegistryApi.UniqueName();
        var other = RegistryApi.UniqueName();
        using var start = await Client.PostAsync($"/v2/{name}/blobs/uploads/", null);
        var uploadId = RegistryApi.Header(start, "Docker-Upload-UUID");
        using var get = await Client.GetAsync($"/v2/{other}/blobs/uploads/{uploadId}");
        await RegistryApi.AssertErrorAsync(get, HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
    }

    [Fact]
    public async Task Cancelled_upload_is_gone()
    {
        var name = RegistryApi.UniqueName();
        using var start = await Client.PostAsync($"/v2/{name}/blobs/uploads/", null);
        using var patch = await Client.PatchAsync(start.Headers.Location, RegistryApi.Octets([1, 2, 3]));
        using var delete = await Client.DeleteAsync(start.Headers.Location);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var get = await Client.GetAsync(start.Headers.Location);
        await RegistryApi.AssertErrorAsync(get, HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
    }

    [Theory]
    [InlineData("9-0")]
    [InlineData("abc")]
    [InlineData("-5")]
    public async Task Malformed_content_range_is_416_and_changes_nothing(string contentRange)
    {
        var name = RegistryApi.UniqueName();
        using var start = await Client.PostAsync($"/v2/{name}/blobs/uploads/", null);
        var content = RegistryApi.Octets(new byte[10]);
        content.Headers.TryAddWithoutValidation("Content-Range", contentRange);
        using var patch = await Client.PatchAsync(start.Headers.Location, content);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, patch.StatusCode);
        using var status = await Client.GetAsync(start.Headers.Location);
        Assert.Equal("0-0", RegistryApi.Header(status, "Range"));
    }

    [Fact]
    public async Task Http_style_content_range_is_tolerated()
    {
        var name = RegistryApi.UniqueName();
        using var start = await Client.PostAsync($"/v2/{name}/blobs/uploads/", null);
        using var patch = await PatchAsync(start.Headers.Location!.ToString(), new byte[10], "bytes 0-9/10");
        Assert.Equal(HttpStatusCode.Accepted, patch.StatusCode);
        Assert.Equal("0-9", RegistryApi.Header(patch, "Range"));
    }

    [Fact]
    public async Task Chunk_whose_length_disagrees_with_its_range_is_rejected_and_not_counted()
    {
        var name = RegistryApi.UniqueName();
        using var start = await Client.PostAsync($"/v2/{name}/blobs/uploads/", null);
        var content = RegistryApi.Octets(new byte[10]);
        content.Headers.TryAddWithoutValidation("Content-Range", "0-19");
        using var patch = await Client.PatchAsync(start.Headers.Location, content);
        await RegistryApi.AssertErrorAsync(patch, HttpStatusCode.BadRequest, "SIZE_INVALID");
        using var status = await Client.GetAsync(start.Headers.Location);
        Assert.Equal("0-0", RegistryApi.Header(status, "Range"));
    }

    [Fact]
    public async Task Mount_from_a_repository_holding_the_blob_links_it()
    {
        var source = RegistryApi.UniqueName();
        var target = RegistryApi.UniqueName("tests/mounts");
        var blob = TestBlob.Random(256);
        await Api.PushBlobAsync(source, blob);

        using var mount = await Client.PostAsync($"/v2/{target}/blobs/uploads/?mount={blob.Digest}&from={source}", null);
        Assert.Equal(HttpStatusCode.Created, mount.StatusCode);
        Assert.Equal($"/v2/{target}/blobs/{blob.Digest}", mount.Headers.Location!.ToString());
        using var get = await Client.GetAsync($"/v2/{target}/blobs/{blob.Digest}");
        Assert.Equal(blob.Content, await get.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task Mount_that_cannot_be_done_opens_an_upload_session(bool withFrom, bool malformedDigest)
    {
        var source = RegistryApi.UniqueName();
        var target = RegistryApi.UniqueName();
        await Api.PushBlobAsync(source, TestBlob.Random(8));
        var missing = malformedDigest ? "sha256:not-hex" : TestBlob.Random(8).Digest;
        var query = withFrom ? $"?mount={missing}&from={source}" : $"?mount={missing}";

        using var mount = await Client.PostAsync($"/v2/{target}/blobs/uploads/{query}", null);
        Assert.Equal(HttpStatusCode.Accepted, mount.StatusCode);
        Assert.StartsWith($"/v2/{target}/blobs/uploads/", mount.Headers.Location!.ToString());
    }

    private Task<HttpResponseMessage> PatchAsync(string location, byte[] chunk, string contentRange)
    {
        var content = RegistryApi.Octets(chunk);
        content.Headers.TryAddWithoutValidation("Content-Range", contentRange);
        return Client.PatchAsync(location, content);
    }

    /// <summary>Makes HttpClient send the body chunked, with no Content-Length, as streaming clients do.</summary>
    private sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}

public sealed class SqliteUploadApiTests(SqliteRegistryFixture fixture) : UploadApiTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresUploadApiTests(PostgresRegistryFixture fixture) : UploadApiTests(fixture), IClassFixture<PostgresRegistryFixture>;

public sealed class S3UploadApiTests(PostgresS3RegistryFixture fixture) : UploadApiTests(fixture), IClassFixture<PostgresS3RegistryFixture>;
