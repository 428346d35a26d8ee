using Lucene.Net.Search;

namespace Gallery.Indexer.Indexing;

/// <summary>
/// Says when this process's searches start seeing a newer index (the worker's refresh after applying events, or a
/// read-only reopen of another process's commit), so whatever caches what the gallery showed can be dropped — all of
/// it (<see cref="Refreshed"/>), or only what the refresh changed (<see cref="Changed"/>).
/// </summary>
public sealed class IndexRefreshes : ReferenceManager.IRefreshListener
{
    private readonly System.Threading.Lock _lock = new();
    private HashSet<string>? _declared;
    private bool _anything;

    public event Action? Refreshed;

    public event Action<IndexChange>? Changed;

    /// <summary>
    /// The next refresh will show these repositories changed (null: anything may change, as when a publisher changes).
    /// A refresh nothing was declared for changed anything; a declaration no refresh showed yet carries over.
    /// </summary>
    public void Declare(IReadOnlyCollection<string>? repositories)
    {
        lock (_lock)
        {
            if (repositories is null)
            {
                _anything = true;
            }
            else
            {
                (_declared ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(repositories);
            }
        }
    }

    internal void Notify()
    {
        IndexChange change;
        lock (_lock)
        {
            change = _anything || _declared is null ? IndexChange.Anything : new IndexChange(_declared);
            (_declared, _anything) = (null, false);
        }

        Refreshed?.Invoke();
        Changed?.Invoke(change);
    }

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

/// <summary>What a refresh made visible: the repositories whose documents changed, or null when anything may have.</summary>
public sealed record IndexChange(IReadOnlySet<string>? Repositories)
{
    public static readonly IndexChange Anything = new((IReadOnlySet<string>?)null);
}
