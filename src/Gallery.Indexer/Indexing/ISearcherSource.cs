using Lucene.Net.Search;

namespace Gallery.Indexer.Indexing;

/// <summary>Where searches get an index searcher: the writer's near-real-time one, or a reader of a directory another process writes.</summary>
public interface ISearcherSource
{
    /// <summary>A searcher to use and release, or null while there is no index to read yet.</summary>
    SearcherLease? Acquire();
}

/// <summary>A searcher borrowed from a <see cref="SearcherManager"/>; dispose to give it back.</summary>
public sealed class SearcherLease(SearcherManager manager) : IDisposable
{
    private IndexSearcher? _searcher = manager.Acquire();

    public IndexSearcher Searcher => _searcher ?? throw new ObjectDisposedException(nameof(SearcherLease));

    public void Dispose()
    {
        if (_searcher is { } searcher)
        {
            _searcher = null;
            manager.Release(searcher);
        }
    }
}
