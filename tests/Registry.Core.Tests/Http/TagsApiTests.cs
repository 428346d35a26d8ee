using System.Net;
using System.Text.Json;
using Gallery.Testing;

namespace Registry.Core.Tests.Http;

public abstract class TagsApiTests(RegistryFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Tags_are_listed_in_byte_order_and_paged_with_n_and_last()
    {
        var name = RegistryApi.UniqueName();
        var image = TestImage.Create();
        string[] tags = ["b", "A", "a", "c1", "c10", "c2", "Z_9"];
        await Api.PushImageAsync(name, image, tags[0]);
        foreach (var tag in tags[1..])
        {
            using var put = await Api.PutManifestAsync(name, tag, image.Manifest, image.MediaType);
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        var expected = tags.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, await ListAsync($"/v2/{name}/tags/list"));

        using var first = await Client.GetAsync($"/v2/{name}/tags/list?n=3");
        Assert.Equal(expected[..3], Tags(await first.Content.ReadAsStringAsync()));
        var link = RegistryApi.Header(first, "Link");
        Assert.Equal($"</v2/{name}/tags/list?n=3&last={expected[2]}>; rel=\"next\"", link);

        var next = link[1..link.IndexOf('>')];
        Assert.Equal(expected[3..6], await ListAsync(next));
        Assert.Equal(expected[6..], await ListAsync($"/v2/{name}/tags/list?n=3&last={expected[5]}"));
        using var lastPage = await Client.GetAsync($"/v2/{name}/tags/list?n=3&last={expected[5]}");
        Assert.False(lastPage.Headers.Contains("Link"));

        Assert.Equal(expected[4..], await ListAsync($"/v2/{name}/tags/list?last={expected[3]}"));
    }

    [Fact]
    public async Task N_of_zero_is_an_empty_list_without_link()
    {
        var name = RegistryApi.UniqueName();
        await Api.PushImageAsync(name, TestImage.Create());
        using var response = await Client.GetAsync($"/v2/{name}/tags/list?n=0");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Tags(await response.Content.ReadAsStringAsync()));
        Assert.False(response.Headers.Contains("Link"));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    public async Task Bad_page_sizes_are_refused(string n)
    {
        var name = RegistryApi.UniqueName();
        await Api.PushImageAsync(name, TestImage.Create());
        using var response = await Client.GetAsync($"/v2/{name}/tags/list?n={n}");
        await RegistryApi.AssertErrorAsync(response, HttpStatusCode.BadRequest, "PAGINATION_NUMBER_INVALID");
    }

    [Fact]
    public async Task Unknown_repository_is_name_unknown()
    {
        using var response = await Client.GetAsync($"/v2/{RegistryApi.UniqueName()}/tags/list");
        await RegistryApi.AssertErrorAsync(response, HttpStatusCode.NotFound, "NAME_UNKNOWN");
    }

    [Fact]
    public async Task Catalog_lists_repositories()
    {
        var name = RegistryApi.UniqueName("tests/catalog");
        await Api.PushImageAsync(name, TestImage.Create());
        using var response = await Client.GetAsync("/v2/_catalog");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(name, json.RootElement.GetProperty("repositories").EnumerateArray().Select(e => e.GetString()));
    }

    private async Task<string[]> ListAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Tags(await response.Content.ReadAsStringAsync());
    }

    private static string[] Tags(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("tags").EnumerateArray().Select(e => e.GetString()!).ToArray();
    }
}

public sealed class SqliteTagsApiTests(SqliteRegistryFixture fixture) : TagsApiTests(fixture), IClassFixture<SqliteRegistryFixture>;

public sealed class PostgresTagsApiTests(PostgresRegistryFixture fixture) : TagsApiTests(fixture), IClassFixture<PostgresRegistryFixture>;
