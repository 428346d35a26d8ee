using System.Net;
using Gallery.Testing;

namespace Registry.Core.Tests.Http;

/// <summary>Range and If-None-Match on blobs, in the forms HTTP allows and in a few it does not.</summary>
public abstract class BlobRangeApiTests(RegistryFixture fixture) : ApiTestBase(fixture)
{
    [Theory]
    [InlineData("bytes=-10", "bytes 990-999/1000")]
    [InlineData("bytes=990-", "bytes 990-999/1000")]
    [InlineData("bytes=0-99999", "bytes 0-999/1000")]
    [InlineData("BYTES=0-0", "bytes 0-0/1000")]
    public async Task Byte_ranges_in_every_form_are_partial_content(string range, string contentRange)
    {
        var (name, blob) = await PushAsync();
        using var response = await GetAsync(HttpMethod.Get, name, blob, ("Range", range));
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(contentRange, response.Content.Headers.ContentRange?.ToString());
    }

    [Theory]
    [InlineData("items=0-5")]
    [InlineData("bytes=abc")]
    [InlineData("bytes=5-2")]
    public async Task Ranges_in_another_unit_or_malformed_are_ignored(string range)
    {
        var (name, blob) = await PushAsync();
        using var response = await GetAsync(HttpMethod.Get, name, blob, ("Range", range));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentRange);
        Assert.Equal(blob.Content, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_ignores_range_and_reports_the_whole_blob()
    {
        var (name, blob) = await PushAsync();
        using var response = await GetAsync(HttpMethod.Head, name, blob, ("Range", "bytes=0-9"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(blob.Content.Length, response.Content.Headers.ContentLength);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task If_none_match_naming_the_blob_is_not_modified(string method)
    {
        var (name, blob) = await PushAsync();
        foreach (var condition in new[] { $"\"{blob.Digest}\"", $"\"other\", W/\"{blob.Digest}\"", "*" })
        {
            using var response = await GetAsync(new HttpMethod(method), name, blob, ("If-None-Match", condition));
            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Equal($"\"{blob.Digest}\"", response.Headers.ETag?.ToString());
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }

        using var changed = await GetAsync(new HttpMethod(method), name, blob, ("If-None-Match", "\"other\""));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    private async Task<(string Name, TestBlob Blob)> PushAsync()
    {
        var name = RegistryApi.UniqueName();
        var blob = TestBlob.Random(1000);
        await Api.PushBlobAsync(name, blob);
        return (name, blob);
    }

    private Task<HttpResponseMessage> GetAsync(HttpMethod method, string name, TestBlob blob, (string Name, string Value) header) =>
        Api.SendAsync(method, $"/v2/{name}/blobs/{blob.Digest}", configure: r => r.Headers.TryAddWithoutValidation(header.Name, header.Value));
}

public sealed class SqliteBlobRangeApiTests(SqliteRegistryFixture fixture) : BlobRangeApiTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresBlobRangeApiTests(PostgresRegistryFixture fixture) : BlobRangeApiTests(fixture), IClassFixture<PostgresRegistryFixture>;

public sealed class S3BlobRangeApiTests(PostgresS3RegistryFixture fixture) : BlobRangeApiTests(fixture), IClassFixture<PostgresS3RegistryFixture>;
