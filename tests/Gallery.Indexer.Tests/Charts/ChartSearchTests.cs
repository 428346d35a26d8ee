using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Gallery.Indexer.Indexing;
using Gallery.Indexer.Search;
using Gallery.Indexer.Tests.Indexing;
using Gallery.Testing;
using Gallery.Testing.HelmCharts;
using Registry.Core;

namespace Gallery.Indexer.Tests.Charts;

/// <summary>
/// Repositories of Helm charts and of other OCI artifacts, pushed over the registry API beside images, are indexed
/// with their type: <c>type=</c> filters, facet counts say how many of each, a chart's description and keywords are searched.
/// </summary>
public abstract class ChartSearchTests(ChartFixture fixture)
{
    [Fact]
    public void Each_repository_has_its_type_and_the_facet_counts_them()
    {
        var result = Search(new SearchRequest { Text = fixture.Marker });

        Assert.Equal(4, result.Total);
        Assert.Equal([new("image", 1), new("helm", 2), new("artifact", 1)], result.Facets.Types);
        Assert.Null(result.Hits.Single(h => h.FullName == fixture.Image).Type);
        Assert.Equal("helm", result.Hits.Single(h => h.FullName == fixture.Chart).Type);
        Assert.Equal("artifact", result.Hits.Single(h => h.FullName == fixture.Artifact).Type);
    }

    [Fact]
    public void Type_filters_and_the_other_types_are_still_counted()
    {
        var result = Search(new SearchRequest { Text = fixture.Marker, Types = ["helm"] });

        Assert.Equal([fixture.Chart, fixture.SignedChart], result.Hits.Select(h => h.FullName).Order(StringComparer.Ordinal));
        Assert.Equal([new("image", 1), new("helm", 2), new("artifact", 1)], result.Facets.Types);
        Assert.Equal(3, Search(new SearchRequest { Text = fixture.Marker, Types = ["helm", "image"] }).Total);
    }

    [Fact]
    public void Listing_everything_filters_by_type_too()
    {
        var all = Search(new SearchRequest { PageSize = 100 });
        var charts = Search(new SearchRequest { Types = ["helm"], PageSize = 100 });

        Assert.Equal(all.Hits.Count(h => h.Type == "helm"), charts.Total);
        Assert.Contains(charts.Hits, h => h.FullName == fixture.Chart);
        Assert.Equal(charts.Total, all.Facets.Types.Single(f => f.Value == "helm").Count);
    }

    [Fact]
    public void A_charts_description_and_keywords_are_searched()
    {
        var byDescription = Search(new SearchRequest { Text = $"{fixture.Marker} observability" });
        var byKeyword = Search(new SearchRequest { Text = $"{fixture.Marker} grafanadashboards" });

        Assert.Equal([fixture.Chart], byDescription.Hits.Select(h => h.FullName));
        Assert.Contains("observability", byDescription.Hits[0].Description ?? byDescription.Hits[0].Highlights.Description);
        Assert.Equal([fixture.Chart], byKeyword.Hits.Select(h => h.FullName));
    }

    [Fact]
    public async Task The_api_takes_type_and_answers_type_facets()
    {
        using var response = await fixture.Host.Client.GetAsync($"/api/search?searchTerm={fixture.Marker}&type=helm,artifact");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(3, json.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(2, json.RootElement.GetProperty("facets").GetProperty("types").EnumerateArray().Single(f => f.GetProperty("value").GetString() == "helm").GetProperty("count").GetInt32());
        Assert.All(json.RootElement.GetProperty("hits").EnumerateArray(), h => Assert.NotEqual("image", h.GetProperty("type").GetString()));
    }

    [Theory]
    [InlineData("type=chart")]
    [InlineData("type=helm,images")]
    [InlineData("type=%00")]
    public async Task An_unknown_type_is_a_400_naming_it(string query)
    {
        using var response = await fixture.Host.Client.GetAsync($"/api/search?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"type\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private SearchResult Search(SearchRequest request) => fixture.Host.Search.Search(request);
}

/// <summary>
/// One host per provider with four repositories sharing a marker word in their descriptions: an image, two Helm
/// chart repositories (one also holding a cosign signature tag, which does not make it an image) and an artifact.
/// </summary>
public abstract class ChartFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private IndexHost? _host;

    public string Marker { get; } = "mk" + Guid.NewGuid().ToString("N")[..10];

    public string Image => $"{TestPublisher.Alias}/{Marker}-image";

    public string Chart => $"{TestPublisher.Alias}/{Marker}-chart";

    public string SignedChart => $"{TestPublisher.Alias}/{Marker}-signed-chart";

    public string Artifact => $"{TestPublisher.Alias}/{Marker}-artifact";

    public IndexHost Host => _host ?? throw new InvalidOperationException("the fixture has not started");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _host = await IndexHost.StartAsync(_database);
        var client = _host.Client;
        await PushClient.PushAsync(client, Image);
        await new HelmChartPackage("dash", "1.0.0", description: $"{Marker} dashboards").PushAsync(client, Chart);
        await new HelmChartPackage("dash", "1.1.0", "11.2.0", $"{Marker} dashboards for observability", ["grafanadashboards"], "# Dash").PushAsync(client, Chart);
        await new HelmChartPackage("other", "0.1.0", description: $"{Marker} another chart").PushAsync(client, SignedChart);
        await PushClient.PushAsync(client, SignedChart, "sha256-" + new string('a', 64) + ".sig");
        await PushArtifactAsync(client, Artifact, $"{Marker} an artifact");
        await _host.WaitForIndexAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>An OCI 1.1 artifact (an empty config, one layer, an artifactType), as oras pushes one; described in its annotation.</summary>
    private static async Task PushArtifactAsync(HttpClient client, string repository, string description)
    {
        var empty = "{}"u8.ToArray();
        var layer = Encoding.UTF8.GetBytes("some artifact content");
        foreach (var blob in new[] { empty, layer })
        {
            using var upload = await client.PostAsync($"/v2/{repository}/blobs/uploads/?digest={HelmChartPackage.Digest(blob)}", new ByteArrayContent(blob));
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        var manifest = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["artifactType"] = "application/vnd.example.policy.v1+json",
            ["config"] = new { mediaType = "application/vnd.oci.empty.v1+json", digest = HelmChartPackage.Digest(empty), size = empty.Length },
            ["layers"] = new[] { new { mediaType = "application/vnd.example.policy.layer.v1+json", digest = HelmChartPackage.Digest(layer), size = layer.Length } },
            ["annotations"] = new Dictionary<string, string> { ["org.opencontainers.image.description"] = description },
        });
        var content = new ByteArrayContent(manifest);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.oci.image.manifest.v1+json");
        using var put = await client.PutAsync($"/v2/{repository}/manifests/v1", content);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
    }
}

public sealed class SqliteChartFixture() : ChartFixture(DatabaseProvider.Sqlite);

public sealed class PostgresChartFixture() : ChartFixture(DatabaseProvider.Postgres);

public sealed class SqliteChartSearchTests(SqliteChartFixture fixture) : ChartSearchTests(fixture), IClassFixture<SqliteChartFixture>;

public sealed class PostgresChartSearchTests(PostgresChartFixture fixture) : ChartSearchTests(fixture), IClassFixture<PostgresChartFixture>;
