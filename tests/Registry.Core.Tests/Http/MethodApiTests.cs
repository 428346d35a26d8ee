using System.Net;
using Gallery.Testing;

namespace Registry.Core.Tests.Http;

/// <summary>HTTP's rules for methods: 405 lists what is allowed, OPTIONS says so too, and HEAD answers wherever and whatever GET does, without a body.</summary>
public abstract class MethodApiTests(RegistryFixture fixture) : ApiTestBase(fixture)
{
    private const string SomeDigest = "sha256:b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";

    [Theory]
    [InlineData("PUT", "blobs/" + SomeDigest, "GET, HEAD, DELETE, OPTIONS")]
    [InlineData("POST", "manifests/latest", "GET, HEAD, PUT, DELETE, OPTIONS")]
    [InlineData("DELETE", "tags/list", "GET, HEAD, OPTIONS")]
    [InlineData("GET", "blobs/uploads/", "POST, OPTIONS")]
    [InlineData("PATCH", "referrers/" + SomeDigest, "GET, HEAD, OPTIONS")]
    public async Task Method_not_allowed_lists_the_allowed_ones(string method, string resource, string allowed)
    {
        var name = RegistryApi.UniqueName();
        using var response = await Api.SendAsync(new HttpMethod(method), $"/v2/{name}/{resource}", RegistryApi.Octets([1]));
        await RegistryApi.AssertErrorAsync(response, HttpStatusCode.MethodNotAllowed, "UNSUPPORTED");
        Assert.Equal(allowed, string.Join(", ", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task Options_answers_with_the_allowed_methods()
    {
        var name = RegistryApi.UniqueName();
        using var response = await Api.SendAsync(HttpMethod.Options, $"/v2/{name}/manifests/latest");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("GET, HEAD, PUT, DELETE, OPTIONS", string.Join(", ", response.Content.Headers.Allow));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_of_listings_answers_like_get_without_a_body()
    {
        var name = RegistryApi.UniqueName();
        await Api.PushImageAsync(name, TestImage.Create(), "v1");

        foreach (var path in new[] { $"/v2/{name}/tags/list", "/v2/_catalog?n=1", $"/v2/{name}/referrers/{SomeDigest}" })
        {
            using var get = await Client.GetAsync(path);
            using var head = await Api.SendAsync(HttpMethod.Head, path);
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Head_of_an_error_has_the_status_type_and_length_of_get_without_the_body()
    {
        var name = RegistryApi.UniqueName();
        await Api.PushBlobAsync(name, TestBlob.Random(8));
        var path = $"/v2/{name}/blobs/{SomeDigest}";

        using var get = await Client.GetAsync(path);
        using var head = await Api.SendAsync(HttpMethod.Head, path);
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_of_an_upload_reports_its_progress_like_get()
    {
        var name = RegistryApi.UniqueName();
        using var start = await Client.PostAsync($"/v2/{name}/blobs/uploads/", null);
        using var patch = await Client.PatchAsync(start.Headers.Location, RegistryApi.Octets(new byte[10]));

        using var head = await Api.SendAsync(HttpMethod.Head, start.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NoContent, head.StatusCode);
        Assert.Equal("0-9", RegistryApi.Header(head, "Range"));
        Assert.Equal(start.Headers.Location, head.Headers.Location);
    }
}

public sealed class SqliteMethodApiTests(SqliteRegistryFixture fixture) : MethodApiTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresMethodApiTests(PostgresRegistryFixture fixture) : MethodApiTests(fixture), IClassFixture<PostgresRegistryFixture>;
