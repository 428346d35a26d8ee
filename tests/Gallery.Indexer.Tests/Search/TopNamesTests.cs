using Gallery.Indexer.Documents;
using Gallery.Indexer.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using static Gallery.Indexer.Tests.Search.InMemoryIndex;

namespace Gallery.Indexer.Tests.Search;

/// <summary>
/// Suggestions score only the repositories that can make the first few (<see cref="TopNames"/>): for every typed text
/// the answer must be exactly the whole names-only query's, on an index of several segments with deleted repositories,
/// where short prefixes reach thousands of repositories through common name parts.
/// </summary>
public sealed class TopNamesTests : IDisposable
{
    private static readonly string[] Parts = ["worker", "web", "wonka", "api", "agent", "analytics", "ansible", "server", "search", "selenium", "cli", "ci"];

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public TopNamesTests()
    {
        var random = new Random(3);
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(IndexFields.Version, GalleryAnalyzers.PerField)))
        {
            for (var i = 0; i < 4000; i++)
            {
                var name = $"{Parts[random.Next(Parts.Length)]}-{Parts[random.Next(Parts.Length)]}";
                var fullName = (i % 5) switch
                {
                    0 => $"docker/library/{name}",
                    1 => $"mirror-{i % 40}/{name}",
                    2 => $"team-{i % 30}/{Parts[random.Next(Parts.Length)]}",
                    _ => $"pub-{i % 90}/{name}-{i}",
                };
                writer.AddDocument(RepositoryDocument.Create(Repo(fullName, pulls: (long)Math.Pow(10, random.NextDouble() * 9), verified: i % 7 == 0)));
                if (i % 1000 == 999)
                {
                    writer.Commit();
                }
            }

            writer.DeleteDocuments(new Term(IndexFields.Id, "pub-3/worker-web-3"));
            writer.DeleteDocuments(new PrefixQuery(new Term(IndexFields.Id, "mirror-7/")));
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = GallerySimilarity.Instance };
        SegmentFacts.Warm(_reader);
    }

    public static TheoryData<string> Texts() =>
        ["wo", "wor", "we", "an", "ans", "se", "sel", "ci", "cl", "ag", "api", "agent", "worker", "worker-web", "docker/library/api-ci", "team", "wonka"];

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_first_suggestions_are_the_whole_query_s_first(string typed)
    {
        var text = QueryText.Parse(typed);
        foreach (var count in new[] { 1, 6, 8 })
        {
            var whole = _searcher.Search(SearchQuery.BuildNames(text, _reader), count).ScoreDocs;
            var pruned = TopNames.Search(_searcher, text, count).ScoreDocs;

            Assert.NotEmpty(whole);
            Assert.Equal(whole.Select(d => (d.Doc, d.Score)), pruned.Select(d => (d.Doc, d.Score)));
        }
    }

    [Fact]
    public void A_short_prefix_reaches_more_repositories_than_the_query_alone_scores()
    {
        var prefix = NamePrefix.Find(_reader, "wo");

        Assert.True(prefix.Candidates.Sum(c => c.DocFreq) > 1000, "the pruned path is the one under test");
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
