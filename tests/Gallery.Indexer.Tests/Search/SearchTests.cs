using Gallery.Indexer.Documents;
using Gallery.Indexer.Search;
using Gallery.Indexer.Tests.Catalog;

namespace Gallery.Indexer.Tests.Search;

/// <summary>Search over the fixed catalog: relevance, filters and facets, sorting, paging, highlights, any input. Runs on both providers.</summary>
public abstract class SearchTests(CatalogFixture fixture)
{
    private static readonly List<CatalogEntry> Public = TestCatalog.Entries.Where(e => e.HasImage).ToList();

    private IGallerySearch Search => fixture.Host.Search;

    [Theory]
    [MemberData(nameof(RelevanceCases.All), MemberType = typeof(RelevanceCases))]
    public void Finds_what_people_expect_first(string query, int within, string[] expected)
    {
        var result = Search.Search(new SearchRequest { Text = query, PageSize = Math.Max(within, 10) });
        var top = result.Hits.Take(within).Select(h => h.FullName).ToList();
        foreach (var name in expected)
        {
            Assert.True(top.Contains(name), $"'{query}': expected {name} in the first {within}, got: {string.Join(", ", result.Hits.Select(h => h.FullName))}");
        }
    }

    [Fact]
    public void An_empty_query_lists_every_public_repository_and_never_one_without_an_image()
    {
        var result = Search.Search(new SearchRequest { Text = "  ", PageSize = 100 });
        Assert.Equal(Public.Count, result.Total);
        Assert.Equal("aws-cli/aws-cli", result.Hits[0].FullName);
        Assert.Empty(Search.Search(new SearchRequest { Text = "placeholder" }).Hits);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("(nginx")]
    [InlineData("title:nginx AND OR NOT")]
    [InlineData("*")]
    [InlineData("?ngin*~2^3")]
    [InlineData("\\")]
    [InlineData("[a TO z]")]
    [InlineData("nginx\"}{)(][")]
    [InlineData("-")]
    [InlineData("/.*/")]
    [InlineData("ünïcödé ☃ 日本語")]
    [InlineData("a b c d e f g h i j k l m n o p q r s t u v w x y z")]
    public void Any_text_is_safe(string text) => AssertAnswered(Search.Search(new SearchRequest { Text = text }));

    /// <summary>A whole answer: a total no larger than the catalog, and the first page holding as many of it as fit.</summary>
    private void AssertAnswered(SearchResult result)
    {
        Assert.InRange(result.Total, 0, Public.Count);
        Assert.Equal(Math.Min(result.Total, result.PageSize), result.Hits.Count);
    }

    [Theory]
    [InlineData("redis -bitnami")]
    [InlineData("redis !bitnami")]
    [InlineData("redis NOT bitnami")]
    public void A_word_marked_out_rules_out_repositories_showing_it(string text)
    {
        var hits = Search.Search(new SearchRequest { Text = text, PageSize = 100 }).Hits;

        Assert.Contains(hits, h => h.FullName == "docker/library/redis");
        Assert.DoesNotContain(hits, h => h.Alias == "bitnami");
    }

    [Fact]
    public void Only_words_marked_out_list_everything_else()
    {
        var result = Search.Search(new SearchRequest { Text = "-nginx", PageSize = 100 });

        Assert.InRange(result.Total, 1, Public.Count - 1);
        Assert.DoesNotContain(result.Hits, h => h.FullName.Contains("nginx", StringComparison.Ordinal));
    }

    [Fact]
    public void A_very_long_query_is_safe() =>
        AssertAnswered(Search.Search(new SearchRequest { Text = string.Concat(Enumerable.Repeat("nginx redis ", 2000)) }));

    [Fact]
    public void Nothing_matches_nonsense() => Assert.Equal(0, Search.Search(new SearchRequest { Text = "xyzzyplugh" }).Total);

    [Fact]
    public void Facets_count_exactly_and_each_dimension_ignores_its_own_filter()
    {
        var bitnami = Public.Where(e => e.Alias == "bitnami").ToList();
        var all = Search.Search(new SearchRequest { Publisher = "bitnami" });
        Assert.Equal(bitnami.Count, all.Total);
        Assert.Equal(Count(bitnami, "amd64"), Facet(all.Facets.Architectures, "x86-64"));
        Assert.Equal(Count(bitnami, "arm64"), Facet(all.Facets.Architectures, "ARM 64"));
        Assert.Equal(0, Facet(all.Facets.Architectures, "ARM"));
        Assert.Equal(bitnami.Count, Facet(all.Facets.OperatingSystems, "Linux"));

        var arm = Search.Search(new SearchRequest { Publisher = "bitnami", Architectures = ["ARM 64"] });
        Assert.Equal(Count(bitnami, "arm64"), arm.Total);
        Assert.Equal(Count(bitnami, "amd64"), Facet(arm.Facets.Architectures, "x86-64"));
        Assert.Equal(Count(bitnami, "arm64"), Facet(arm.Facets.OperatingSystems, "Linux"));
        Assert.All(arm.Hits, h => Assert.Contains("ARM 64", h.Architectures));
    }

    [Fact]
    public void Filters_by_operating_system_architecture_verified_and_publisher()
    {
        var windows = Search.Search(new SearchRequest { OperatingSystems = ["windows"], PageSize = 100 });
        Assert.Equal(Public.Count(e => e.Platforms.Any(p => p.Os == "windows")), windows.Total);
        Assert.Contains(windows.Hits, h => h.FullName == "windows/nanoserver");

        var armOrX86 = Search.Search(new SearchRequest { Architectures = ["ARM", "x86"], PageSize = 100 });
        Assert.Equal(Public.Count(e => e.Platforms.Any(p => p.Architecture is "arm" or "386")), armOrX86.Total);

        var unverified = Search.Search(new SearchRequest { Text = "nginx", Verified = false, PageSize = 100 });
        Assert.All(unverified.Hits, h => Assert.False(h.Verified));
        Assert.Contains(unverified.Hits, h => h.FullName == "jdoe/nginx-proxy-toy");

        var hashicorp = Search.Search(new SearchRequest { Text = "vault", Publisher = "HashiCorp" });
        Assert.Equal(["hashicorp/vault"], hashicorp.Hits.Select(h => h.FullName));
    }

    [Fact]
    public void Sorts_by_popularity_last_push_and_name()
    {
        var popular = Search.Search(new SearchRequest { Sort = SearchSort.Popularity, PageSize = 100 }).Hits;
        Assert.Equal(popular.Select(h => h.PullCount).OrderDescending(), popular.Select(h => h.PullCount));
        Assert.Equal(Public.MaxBy(e => e.Pulls)!.FullName, popular[0].FullName);

        var recent = Search.Search(new SearchRequest { Text = "database", Sort = SearchSort.LastPushed, PageSize = 100 }).Hits;
        Assert.True(recent.Count > 5);
        Assert.Equal(recent.Select(h => h.LastPushedAt).OrderDescending(), recent.Select(h => h.LastPushedAt));

        var named = Search.Search(new SearchRequest { Sort = SearchSort.Name, PageSize = 100 }).Hits;
        Assert.Equal(named.Select(h => h.FullName).Order(StringComparer.Ordinal), named.Select(h => h.FullName));
        Assert.Equal(Public.Select(e => e.FullName).Min(StringComparer.Ordinal), named[0].FullName);
    }

    [Fact]
    public void Pages_cover_every_match_once()
    {
        var seen = new List<string>();
        for (var page = 1; ; page++)
        {
            var result = Search.Search(new SearchRequest { Text = "image", Sort = SearchSort.Name, Page = page, PageSize = 7 });
            Assert.Equal(page, result.Page);
            if (result.Hits.Count == 0)
            {
                Assert.Equal(result.Total, seen.Count);
                break;
            }

            seen.AddRange(result.Hits.Select(h => h.FullName));
        }

        Assert.True(seen.Count > 50);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public void Hits_carry_the_repository_and_highlighted_matches()
    {
        var redis = Search.Search(new SearchRequest { Text = "fastest redis" }).Hits[0];
        Assert.Equal("docker/library/redis", redis.FullName);
        Assert.Equal("docker", redis.Alias);
        Assert.Equal("library/redis", redis.Name);
        Assert.Equal("Docker", redis.PublisherDisplayName);
        Assert.True(redis.Verified);
        Assert.Equal(7_300_000, redis.PullCount);
        Assert.Equal(["ARM", "ARM 64", "x86", "x86-64"], redis.Architectures);
        Assert.Equal(["Linux"], redis.OperatingSystems);
        Assert.Equal("docker/library/<mark>redis</mark>", redis.Highlights.FullName);
        Assert.Contains("the world&#39;s <mark>fastest</mark> data platform", redis.Highlights.Description);
    }

    [Fact]
    public void Highlights_escape_html_and_mark_typos_and_prefixes()
    {
        var terraform = Search.Search(new SearchRequest { Text = "terrafrom infrastruc" }).Hits[0];
        Assert.Equal("hashicorp/terraform", terraform.FullName);
        Assert.Contains("<mark>Terraform</mark>", terraform.Highlights.Description);
        Assert.Contains("<mark>infrastructure</mark>", terraform.Highlights.Description);
    }

    private static int Count(IEnumerable<CatalogEntry> entries, string architecture) => entries.Count(e => e.Platforms.Any(p => p.Architecture == architecture));

    /// <summary>A value no match has is left out of the counts: zero.</summary>
    private static int Facet(IReadOnlyList<FacetCount> counts, string value) => counts.SingleOrDefault(c => c.Value == value)?.Count ?? 0;
}

[Collection(SqliteCatalogCollection.Name)]
public sealed class SqliteSearchTests(SqliteCatalogFixture fixture) : SearchTests(fixture);

[Collection(PostgresCatalogCollection.Name)]
public sealed class PostgresSearchTests(PostgresCatalogFixture fixture) : SearchTests(fixture);
