using BenchmarkDotNet.Attributes;
using Gallery.Indexer.Search;
using Lucene.Net.Search;

namespace Gallery.Microbench.Search;

/// <summary>
/// What every search does before it reads the index: what the user typed to words (QueryText.Parse), then to the
/// Lucene query (SearchQuery.Build). One word, two words, and four words with a typo (fuzzy clauses per field).
/// </summary>
[MemoryDiagnoser]
public class SearchQueryBenchmarks
{
    [Benchmark(Description = "QueryText.Parse + SearchQuery.Build")]
    [Arguments("nginx")]
    [Arguments("aws cli")]
    [Arguments("postgres databse backup tool")]
    public Query BuildQuery(string text) => SearchQuery.Build(QueryText.Parse(text));
}
