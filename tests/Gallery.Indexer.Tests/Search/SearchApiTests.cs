using System.Net;
using System.Text.Json;

namespace Gallery.Indexer.Tests.Search;

/// <summary>GET /api/search: gallery.ecr.aws's parameter names in, hits, total, facets and timing out.</summary>
public abstract class SearchApiTests(CatalogFixture fixture)
{
    [Fact]
    public async Task Answers_with_hits_total_facets_and_timing()
    {
        using var response = await fixture.Host.Client.GetAsync("/api/search?searchTerm=nginx&architecture=ARM%2064&operatingSystems=Linux&verified=true&sort=relevance&page=1&pageSize=5");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.True(root.GetProperty("total").GetInt64() >= 3);
        Assert.Equal(5, root.GetProperty("pageSize").GetInt32());
        var first = root.GetProperty("hits")[0];
        Assert.Equal("docker/library/nginx", first.GetProperty("fullName").GetString());
        Assert.Contains("nginx", root.GetProperty("marks").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains(root.GetProperty("facets").GetProperty("architectures").EnumerateArray(), f => f.GetProperty("value").GetString() == "x86-64" && f.GetProperty("count").GetInt32() > 0);
        Assert.True(root.GetProperty("elapsedMilliseconds").GetDouble() >= 0);
    }

    [Fact]
    public async Task Takes_several_values_repeated_or_comma_separated()
    {
        var repeated = await TotalAsync("/api/search?architecture=ARM&architecture=x86");
        var commas = await TotalAsync("/api/search?architecture=ARM,x86");
        Assert.Equal(repeated, commas);
        Assert.True(repeated > 0);
    }

    [Theory]
    [InlineData("sort=sideways")]
    [InlineData("sort=1")]
    [InlineData("sort=99")]
    [InlineData("verified=maybe")]
    [InlineData("page=0")]
    [InlineData("pageSize=-3")]
    [InlineData("pageSize=101")]
    public async Task Refuses_parameters_it_cannot_read(string query)
    {
        using var response = await fixture.Host.Client.GetAsync($"/api/search?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(query.Split('=')[0], await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_head_as_it_answers_get()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/api/search?searchTerm=nginx");
        using var response = await fixture.Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Any_search_term_is_answered() =>
        Assert.True(await TotalAsync("/api/search?searchTerm=%22(%5B*%3F~%5E:%5C") >= 0);

    private async Task<long> TotalAsync(string url)
    {
        using var response = await fixture.Host.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("total").GetInt64();
    }
}

[Collection(SqliteCatalogCollection.Name)]
public sealed class SqliteSearchApiTests(SqliteCatalogFixture fixture) : SearchApiTests(fixture);

[Collection(PostgresCatalogCollection.Name)]
public sealed class PostgresSearchApiTests(PostgresCatalogFixture fixture) : SearchApiTests(fixture);
