using Gallery.Indexer.Documents;
using Gallery.Indexer.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using static Gallery.Indexer.Tests.Search.InMemoryIndex;

namespace Gallery.Indexer.Tests.Search;

/// <summary>
/// A typed prefix reads its candidate names per field in one pass (<see cref="NamePrefixQuery"/>): every document must
/// score exactly what the plain form scores — the best of one constant-score term query per candidate — on an index
/// of several segments, with deleted documents.
/// </summary>
public sealed class NamePrefixQueryTests
{
    [Theory]
    [InlineData("ng")]
    [InlineData("ngin")]
    [InlineData("ex")]
    [InlineData("expo")]
    [InlineData("nginx")]
    public void Scores_equal_the_best_of_one_term_query_per_candidate(string prefix)
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(IndexFields.Version, GalleryAnalyzers.PerField)))
        {
            string[][] segments =
            [
                ["docker/library/nginx", "acme/nginx-tools", "acme/nginx-exporter", "prometheus-community/nginx-exporter", "ngx/ng"],
                ["mirror-1/docker/library/nginx", "team/platform/nginx-worker", "acme/node-exporter", "acme/expo", "gone/nginx-old"],
                ["bitnami/nginx", "x/exporter-exporter", "y/ngi-ngin-nginx"],
            ];
            foreach (var names in segments)
            {
                foreach (var name in names)
                {
                    writer.AddDocument(RepositoryDocument.Create(Repo(name, pulls: name.Length * 1000)));
                }

                writer.Commit();
            }

            writer.DeleteDocuments(new Term(IndexFields.Id, "gone/nginx-old"));
        }

        using var reader = DirectoryReader.Open(directory);
        Assert.True(reader.Leaves.Count > 1);
        var searcher = new IndexSearcher(reader) { Similarity = GallerySimilarity.Instance };
        var plain = new DisjunctionMaxQuery(0);
        foreach (var (field, score) in new[] { (IndexFields.NameKey, NamePrefixQuery.Whole), (IndexFields.LastPartKey, NamePrefixQuery.Whole), (IndexFields.NameText, NamePrefixQuery.Part) })
        {
            foreach (var candidate in NamePrefix.Find(reader, prefix).Candidates.Where(c => c.Field == field))
            {
                plain.Add(new ConstantScoreQuery(new TermQuery(new Term(field, candidate.Term))) { Boost = score * NamePrefixQuery.Coverage(prefix, candidate.Term) });
            }
        }

        var expected = Scores(searcher, new BooleanQuery { { plain, Occur.SHOULD } });
        var actual = Scores(searcher, new BooleanQuery { { NamePrefixQuery.Build(prefix, reader), Occur.SHOULD } });

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Candidates_are_the_shortest_names_over_every_segment_with_their_document_counts()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(IndexFields.Version, GalleryAnalyzers.PerField)))
        {
            foreach (var segment in new[] { new[] { "a/nginx-long-name", "b/nginx" }, ["c/nginx", "d/nginx-x"] })
            {
                foreach (var name in segment)
                {
                    writer.AddDocument(RepositoryDocument.Create(Repo(name)));
                }

                writer.Commit();
            }
        }

        using var reader = DirectoryReader.Open(directory);
        var names = NamePrefix.Find(reader, "ngi").Candidates.Where(c => c.Field == IndexFields.NameKey).ToList();

        Assert.Equal(["nginx", "nginx-x", "nginx-long-name"], names.Select(c => c.Term));
        Assert.Equal([2, 1, 1], names.Select(c => c.DocFreq));
        Assert.Equal(NamePrefixQuery.Whole * 3 / 5, names[0].Score);
    }

    private static Dictionary<int, float> Scores(IndexSearcher searcher, Query query) =>
        searcher.Search(query, 100).ScoreDocs.ToDictionary(d => d.Doc, d => d.Score);
}
