using System.Net;
using Gallery.Testing;

namespace Registry.Core.Tests.Http;

/// <summary>The Range forms the blob GET serves whole or refuses, and If-Range, which decides between a part and the whole.</summary>
public abstract class BlobIfRangeApiTests(RegistryFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Several_ranges_are_served_as_the_whole_blob()
    {
        var (name, blob) = await PushAsync();
        using var response = await GetAsync(name, blob, ("Range", "bytes=0-1,5-6"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(blob.Content, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("bytes=1000-")]
    [InlineData("bytes=-0")]
    public async Task A_range_the_blob_cannot_have_is_416_with_its_size(string range)
    {
        var (name, blob) = await PushAsync();
        using var response = await GetAsync(name, blob, ("Range", range));
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal("bytes */1000", response.Content.Headers.ContentRange?.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task If_range_naming_the_blob_gets_the_part()
    {
        var (name, blob) = await PushAsync();
        using var response = await GetAsync(name, blob, ("Range", "bytes=10-19"), ("If-Range", $"\"{blob.Digest}\""));
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(blob.Content[10..20], await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("\"other\"")]
    [InlineData("Sun, 06 Dec 2026 06:00:00 GMT")]
    public async Task If_range_naming_something_else_gets_the_whole_blob(string condition)
    {
        var (name, blob) = await PushAsync();
        using var response = await GetAsync(name, blob, ("Range", "bytes=10-19"), ("If-Range", condition));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(blob.Content, await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<(string Name, TestBlob Blob)> PushAsync()
    {
        var name = RegistryApi.UniqueName();
        var blob = TestBlob.Random(1000);
        await Api.PushBlobAsync(name, blob);
        return (name, blob);
    }

    private Task<HttpResponseMessage> GetAsync(string name, TestBlob blob, params (string Name, string Value)[] headers) =>
        Api.SendAsync(HttpMethod.Get, $"/v2/{name}/blobs/{blob.Digest}", configure: r =>
        {
            foreach (var (header, value) in headers)
            {
                r.Headers.TryAddWithoutValidation(header, value);
            }
        });
}

public sealed class SqliteBlobIfRangeApiTests(SqliteRegistryFixture fixture) : BlobIfRangeApiTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresBlobIfRangeApiTests(PostgresRegistryFixture fixture) : BlobIfRangeApiTests(fixture), IClassFixture<PostgresRegistryFixture>;
