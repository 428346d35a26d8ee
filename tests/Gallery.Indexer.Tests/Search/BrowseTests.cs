using Gallery.Indexer.Documents;
using Gallery.Indexer.Indexing;
using Gallery.Indexer.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Gallery.Indexer.Tests.Search;

/// <summary>
/// Listing everything (no text) is read from per-segment arrays rather than scored: it must give exactly what the
/// match-all query through a TopFieldCollector and the faceting collector gives, for every filter, sort and page.
/// </summary>
[Collection(SqliteCatalogCollection.Name)]
public sealed class BrowseTests(SqliteCatalogFixture fixture)
{
    public static TheoryData<string[], string[], bool?, SearchSort, int> Requests => new()
    {
        { [], [], null, SearchSort.Relevance, 1 },
        { [], [], null, SearchSort.Popularity, 2 },
        { ["ARM 64"], [], null, SearchSort.Relevance, 1 },
        { ["x86-64", "ARM"], [], true, SearchSort.Popularity, 1 },
        { [], ["Windows"], null, SearchSort.Relevance, 1 },
        { [], ["Linux"], false, SearchSort.Relevance, 3 },
        { ["ARM 64"], ["Linux"], true, SearchSort.Popularity, 1 },
        { ["sparc"], [], null, SearchSort.Relevance, 1 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Listing_everything_gives_what_the_match_all_query_gives(string[] architectures, string[] systems, bool? verified, SearchSort sort, int page)
    {
        var request = new SearchRequest { Architectures = architectures, OperatingSystems = systems, Verified = verified, Sort = sort, Page = page, PageSize = 9 };
        var result = fixture.Host.Search.Search(request);

        using var lease = fixture.Host.Services.GetRequiredService<ISearcherSource>().Acquire()!;
        var searcher = lease.Searcher;
        var archDimension = new FacetDimension(IndexFields.Architecture, architectures);
        var osDimension = new FacetDimension(IndexFields.OperatingSystem, systems);
        var pulls = new SortField(IndexFields.Pulls, SortFieldType.INT64, reverse: true);
        var name = new SortField(IndexFields.SortName, SortFieldType.STRING);
        var top = TopFieldCollector.Create(sort == SearchSort.Popularity ? new Sort(pulls, SortField.FIELD_SCORE, name) : new Sort(SortField.FIELD_SCORE, pulls, name),
            page * 9, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        var collector = new FacetingCollector(top, archDimension, osDimension);
        Query query = new MatchAllDocsQuery();
        if (verified is { } v)
        {
            query = new BooleanQuery { { query, Occur.MUST }, { new TermQuery(new Term(IndexFields.Verified, v ? "true" : "false")), Occur.MUST } };
        }

        searcher.Search(query, collector);
        collector.Finish();
        var expected = top.GetTopDocs((page - 1) * 9, 9).ScoreDocs.Select(d => searcher.Doc(d.Doc).Get(IndexFields.Id)).ToList();

        Assert.Equal(collector.TotalHits, result.Total);
        Assert.Equal(expected, result.Hits.Select(h => h.FullName));
        Assert.All(result.Hits, h => Assert.Equal(1f, h.Score));
        foreach (var count in result.Facets.Architectures)
        {
            Assert.Equal(archDimension.Counts.GetValueOrDefault(count.Value), count.Count);
        }

        foreach (var count in result.Facets.OperatingSystems)
        {
            Assert.Equal(osDimension.Counts.GetValueOrDefault(count.Value), count.Count);
        }
    }
}
