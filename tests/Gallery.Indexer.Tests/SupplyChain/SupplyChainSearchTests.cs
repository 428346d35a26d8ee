using System.Net;
using System.Text.Json;
using Gallery.Indexer.Search;
using Gallery.Testing;
using Gallery.Testing.HelmCharts;
using Registry.Core;

namespace Gallery.Indexer.Tests.SupplyChain;

/// <summary>
/// Images with signatures and SBOMs pushed as cosign and oras push them: <c>signed=</c> and <c>sbom=</c> filter with
/// facet counts, <c>package=</c> finds the repositories whose current tags ship a package (and version prefix) and
/// says which tags ship which version, and package names match free text below what publishers wrote.
/// </summary>
public abstract class SupplyChainSearchTests(SupplyChainFixture fixture)
{
    [Fact]
    public void Signed_and_sbom_filter_and_are_counted()
    {
        var signed = Search(new SearchRequest { Signed = true });
        var sbom = Search(new SearchRequest { Sbom = true });
        var all = Search(new SearchRequest());

        Assert.Equal([fixture.Signed], Names(signed));
        Assert.Equal([fixture.Sbom, fixture.Signed], Names(sbom));
        Assert.Equal([new("true", 1), new("false", 3)], all.Facets.Signed);
        Assert.Equal([new("true", 2), new("false", 2)], all.Facets.Sbom);
        Assert.Equal([new("true", 1), new("false", 3)], signed.Facets.Signed);
        Assert.Equal([new("true", 1), new("false", 1)], Search(new SearchRequest { Sbom = true }).Facets.Signed);
        Assert.True(all.Hits.Single(h => h.FullName == fixture.Signed) is { Signed: true, Sbom: true });
        Assert.True(all.Hits.Single(h => h.FullName == fixture.Plain) is { Signed: null, Sbom: null });
        Assert.Equal(Names(signed), Names(Search(new SearchRequest { Text = fixture.Marker, Signed = true })));
    }

    [Fact]
    public void A_package_finds_the_repositories_that_ship_it_and_says_which_tags_and_versions()
    {
        var result = Search(new SearchRequest { Package = Filter("zlib") });

        Assert.Equal([fixture.Sbom, fixture.Signed], Names(result));
        var sbom = result.Hits.Single(h => h.FullName == fixture.Sbom).Packages!;
        Assert.Equal([("zlib", "1.2.11", "1.0"), ("zlib", "1.3.1", "2.0")], sbom.Select(p => (p.Name, p.Version!, string.Join(",", p.Tags))));
        Assert.Equal(Names(result), Names(Search(new SearchRequest { Package = Filter("ZLib") })));
    }

    [Fact]
    public void A_version_prefix_narrows_to_the_versions_that_start_with_it()
    {
        var old = Search(new SearchRequest { Package = Filter("zlib@1.2") });
        var exact = Search(new SearchRequest { Package = Filter("zlib@1.3.1") });

        Assert.Equal([fixture.Sbom, fixture.Signed], Names(old));
        Assert.Equal([("1.2.11", "1.0")], old.Hits.Single(h => h.FullName == fixture.Sbom).Packages!.Select(p => (p.Version!, p.Tags.Single())));
        Assert.Equal([fixture.Sbom], Names(exact));
        Assert.Equal(0, Search(new SearchRequest { Package = Filter("zlib@9") }).Total);
        Assert.Equal(0, Search(new SearchRequest { Package = Filter("no-such-package") }).Total);
    }

    [Fact]
    public void Package_names_match_free_text_below_what_publishers_wrote()
    {
        var result = Search(new SearchRequest { Text = "zlib" });

        Assert.Equal(fixture.Described, result.Hits[0].FullName);
        Assert.Equal([fixture.Described, fixture.Sbom, fixture.Signed], Names(result));
        Assert.Equal([fixture.Signed], Names(Search(new SearchRequest { Text = "openssl" })));
    }

    [Fact]
    public async Task The_api_takes_the_filters_and_answers_what_matched()
    {
        using var response = await fixture.Host.Client.GetAsync("/api/search?package=zlib%401.3&sbom=true&signed=false");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal(1, root.GetProperty("total").GetInt64());
        var hit = root.GetProperty("hits")[0];
        Assert.True(hit.GetProperty("sbom").GetBoolean());
        Assert.False(hit.TryGetProperty("signed", out _));
        var package = hit.GetProperty("packages")[0];
        Assert.Equal("1.3.1", package.GetProperty("version").GetString());
        Assert.Equal("2.0", package.GetProperty("tags")[0].GetString());
        Assert.Contains(root.GetProperty("facets").GetProperty("sbom").EnumerateArray(), f => f.GetProperty("value").GetString() == "true");
    }

    [Theory]
    [InlineData("package=", "package")]
    [InlineData("package=%20%20", "package")]
    [InlineData("package=%00zlib", "package")]
    [InlineData("signed=maybe", "signed")]
    [InlineData("sbom=1", "sbom")]
    public async Task Unreadable_filters_are_a_400_naming_them(string query, string name)
    {
        using var response = await fixture.Host.Client.GetAsync($"/api/search?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{name}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_package_is_a_400_and_odd_characters_find_nothing()
    {
        using var huge = await fixture.Host.Client.GetAsync($"/api/search?package={new string('z', 5000)}");
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        using var odd = await fixture.Host.Client.GetAsync("/api/search?package=%22(%5B*%3F~%5E:%5C%40%40%E2%80%AE");
        Assert.Equal(HttpStatusCode.OK, odd.StatusCode);
        using var json = JsonDocument.Parse(await odd.Content.ReadAsStringAsync());
        Assert.Equal(0, json.RootElement.GetProperty("total").GetInt64());
    }

    private SearchResult Search(SearchRequest request) => fixture.Host.Search.Search(request);

    private static PackageFilter Filter(string text) => PackageFilter.TryParse(text, out _)!;

    private static List<string> Names(SearchResult result) => result.Hits.Select(h => h.FullName).Order(StringComparer.Ordinal).ToList();
}

/// <summary>
/// One host per provider: an image that is signed and has an SBOM (zlib 1.2.13, openssl 3.0.2), an image with SBOMs on
/// two tags (zlib 1.2.11 on 1.0; zlib 1.3.1 and musl on 2.0), a chart whose description says zlib, and a plain image.
/// </summary>
public abstract class SupplyChainFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private IndexHost? _host;

    public string Marker { get; } = "sc" + Guid.NewGuid().ToString("N")[..10];

    public string Signed => $"{TestPublisher.Alias}/{Marker}-signed";

    public string Sbom => $"{TestPublisher.Alias}/{Marker}-sbom";

    public string Described => $"{TestPublisher.Alias}/{Marker}-described";

    public string Plain => $"{TestPublisher.Alias}/{Marker}-plain";

    public IndexHost Host => _host ?? throw new InvalidOperationException("the fixture has not started");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _host = await IndexHost.StartAsync(_database);
        var push = new SupplyChainPush(_host.Client);
        var signed = await push.ImageAsync(Signed, "1.0");
        await push.SbomAsync(Signed, signed, ("zlib", "1.2.13"), ("openssl", "3.0.2"));
        await push.SignatureAsync(Signed, signed, SupplyChainPush.DigestOf(signed));
        var first = await push.ImageAsync(Sbom, "1.0");
        await push.SbomAsync(Sbom, first, ("zlib", "1.2.11"));
        var second = await push.ImageAsync(Sbom, "2.0");
        await push.SbomAsync(Sbom, second, ("zlib", "1.3.1"), ("musl", "1.2.4"));
        await new HelmChartPackage("described", "1.0.0", description: "Compression helpers built on zlib").PushAsync(_host.Client, Described);
        await push.ImageAsync(Plain, "latest");

        // SBOMs are read off the push path; their packages reach the index with the attachments.read event.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (_host.Search.Search(new SearchRequest { Package = PackageFilter.TryParse("musl", out _) }).Total == 0
            || _host.Search.Search(new SearchRequest { Package = PackageFilter.TryParse("openssl", out _) }).Total == 0)
        {
            await Task.Delay(100, timeout.Token);
        }

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
}

public sealed class SqliteSupplyChainFixture() : SupplyChainFixture(DatabaseProvider.Sqlite);

public sealed class PostgresSupplyChainFixture() : SupplyChainFixture(DatabaseProvider.Postgres);

public sealed class SqliteSupplyChainSearchTests(SqliteSupplyChainFixture fixture) : SupplyChainSearchTests(fixture), IClassFixture<SqliteSupplyChainFixture>;

public sealed class PostgresSupplyChainSearchTests(PostgresSupplyChainFixture fixture) : SupplyChainSearchTests(fixture), IClassFixture<PostgresSupplyChainFixture>;
