using Gallery.Indexer.Documents;
using Gallery.Indexer.Indexing;
using Gallery.Indexer.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Gallery.Indexer.Tests.Search;

/// <summary>A handful of repositories indexed in memory, searched as the gallery searches: for one ranking rule at a time.</summary>
public sealed class InMemoryIndex : ISearcherSource, IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly SearcherManager _searchers;

    public InMemoryIndex(params RepositoryRecord[] records)
    {
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(IndexFields.Version, GalleryAnalyzers.PerField)))
        {
            foreach (var record in records)
            {
                writer.AddDocument(RepositoryDocument.Create(record));
            }
        }

        _searchers = new SearcherManager(_directory, WarmingSearcherFactory.Instance);
        Search = new GallerySearch(this);
    }

    public IGallerySearch Search { get; }

    /// <summary>A public repository with an image; pulls and verified decide between equal matches.</summary>
    public static RepositoryRecord Repo(string fullName, long pulls = 100, bool verified = false, string? description = null, string? about = null, string? publisher = null)
    {
        var alias = fullName[..fullName.IndexOf('/')];
        return new RepositoryRecord(fullName, alias.GetHashCode(), alias, fullName[(alias.Length + 1)..], publisher, verified, description, about, null,
            ["x86-64"], ["Linux"], ["latest"], null, pulls, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    /// <summary>The full names found for <paramref name="text"/>, best first.</summary>
    public List<string> Find(string text) => Search.Search(new SearchRequest { Text = text, PageSize = 100 }).Hits.Select(h => h.FullName).ToList();

    public SearcherLease? Acquire() => new(_searchers);

    public void Dispose()
    {
        _searchers.Dispose();
        _directory.Dispose();
    }
}
