using Lucene.Net.Search;

namespace Gallery.Indexer.Indexing;

/// <summary>
/// Says when this process's searches start seeing a newer index (the worker's refresh after applying events, or a
/// read-only reopen of another process's commit), so whatever caches what the gallery showed can be dropped.
/// </summary>
public sealed class IndexRefreshes : ReferenceManager.IRefreshListener
{
    public event Action? Refreshed;

    internal void Notify() => Refreshed?.Invoke();

    void ReferenceManager.IRefreshListener.BeforeRefresh()
    {
    }

    void ReferenceManager.IRefreshListener.AfterRefresh(bool didRefresh)
    {
        if (didRefresh)
        {
            Notify();
        }
    }
}
