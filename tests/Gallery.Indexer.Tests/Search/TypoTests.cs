using Gallery.Indexer.Indexing;
using Gallery.Indexer.Search;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Gallery.Indexer.Tests.Search;

/// <summary>
/// Typo tolerance on names: a word that is itself a name term is taken as typed (no fuzzy expansion, which walks the
/// name dictionary and scores every near miss); any other word of 4+ letters still finds names within its edits.
/// </summary>
[Collection(SqliteCatalogCollection.Name)]
public sealed class TypoTests(SqliteCatalogFixture fixture)
{
    [Theory]
    [InlineData("nginx", false)]
    [InlineData("postgresql", false)]
    [InlineData("aws cli", false)]
    [InlineData("ngnix", true)]
    [InlineData("terrafrom", true)]
    [InlineData("hashicorp terrafrom", true)]
    public void Only_words_that_name_nothing_are_expanded_for_typos(string text, bool fuzzy)
    {
        using var lease = fixture.Host.Services.GetRequiredService<ISearcherSource>().Acquire()!;
        var query = SearchQuery.Build(QueryText.Parse(text), lease.Searcher.IndexReader);
        Assert.Equal(fuzzy, Parts(query).OfType<FuzzyQuery>().Any());
    }

    [Fact]
    public void Without_the_index_every_long_word_is_expanded() =>
        Assert.Single(Parts(SearchQuery.Build(QueryText.Parse("nginx"))).OfType<FuzzyQuery>());

    [Theory]
    [InlineData("hashicorp terrafrom", "hashicorp/terraform")]
    [InlineData("prometheus node-exportr", "prometheus/node-exporter")]
    [InlineData("grafna", "grafana/grafana")]
    [InlineData("postgresql", "bitnami/postgresql")]
    [InlineData("postgres", "docker/library/postgres")]
    public void Exact_and_misspelled_names_rank_first(string text, string expected) =>
        Assert.Equal(expected, fixture.Host.Search.Search(new SearchRequest { Text = text }).Hits[0].FullName);

    private static IEnumerable<Query> Parts(Query query) => query switch
    {
        CustomScoreQuery custom => Parts(custom.SubQuery),
        BooleanQuery boolean => boolean.Clauses.SelectMany(c => Parts(c.Query)),
        DisjunctionMaxQuery max => max.Disjuncts.SelectMany(Parts),
        _ => [query],
    };
}
