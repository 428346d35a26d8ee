using System.Net;
using System.Text.Json;
using Gallery.Indexer.Search;

namespace Gallery.Indexer.Tests.Search;

/// <summary>GET /api/suggest: repositories and publishers as the text is typed; bad input is a 400 problem, as /api/search's.</summary>
[Collection(SqliteCatalogCollection.Name)]
public sealed class SuggestApiTests(SqliteCatalogFixture fixture)
{
    [Fact]
    public async Task A_typed_prefix_suggests_the_most_popular_name_first()
    {
        using var json = await GetAsync("/api/suggest?q=ngin");

        var repositories = json.RootElement.GetProperty("repositories");
        Assert.Equal("docker/library/nginx", repositories[0].GetProperty("fullName").GetString());
        Assert.InRange(repositories.GetArrayLength(), 2, Suggestions.Max);
    }

    [Fact]
    public async Task Publishers_whose_alias_starts_with_the_text_come_with_their_repository_count()
    {
        using var json = await GetAsync("/api/suggest?q=bitna");

        var publisher = json.RootElement.GetProperty("publishers")[0];
        Assert.Equal("bitnami", publisher.GetProperty("alias").GetString());
        Assert.Equal("Bitnami by VMware", publisher.GetProperty("displayName").GetString());
        Assert.Equal(24, publisher.GetProperty("repositories").GetInt32());
        Assert.True(json.RootElement.GetProperty("publishers").GetArrayLength() + json.RootElement.GetProperty("repositories").GetArrayLength() <= Suggestions.Max);
    }

    [Fact]
    public async Task Text_nothing_starts_suggests_nothing()
    {
        using var json = await GetAsync("/api/suggest?q=xyzzyplugh");

        Assert.Equal(0, json.RootElement.GetProperty("repositories").GetArrayLength());
        Assert.Equal(0, json.RootElement.GetProperty("publishers").GetArrayLength());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?q=")]
    [InlineData("?q=%20%20")]
    [InlineData("?q=a&q=b")]
    public async Task Missing_blank_or_repeated_text_is_refused(string query) => await AssertRefusedAsync($"/api/suggest{query}");

    [Fact]
    public async Task Text_longer_than_a_search_takes_is_refused() => await AssertRefusedAsync($"/api/suggest?q={new string('a', QueryText.MaxLength + 1)}");

    [Fact]
    public async Task Any_text_is_answered() =>
        Assert.Equal(JsonValueKind.Array, (await GetAsync("/api/suggest?q=%22(%5B*%3F~%5E:%5C")).RootElement.GetProperty("repositories").ValueKind);

    private async Task<JsonDocument> GetAsync(string url)
    {
        using var response = await fixture.Host.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task AssertRefusedAsync(string url)
    {
        using var response = await fixture.Host.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("q", out _));
    }
}
