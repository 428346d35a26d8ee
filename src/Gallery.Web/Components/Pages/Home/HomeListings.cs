using Gallery.Indexer.Indexing;
using Gallery.Indexer.Search;

namespace Gallery.Web.Components.Pages.Home;

/// <summary>
/// The home page's two lists, the most pulled and the most recently pushed repositories: each is a sort of the whole
/// index, so they are searched once per index refresh and shared by every render until the next one.
/// </summary>
public sealed class HomeListings
{
    public const int Size = 6;

    private readonly IGallerySearch _search;
    private int _generation;
    private Snapshot? _current;

    public HomeListings(IGallerySearch search, IndexRefreshes refreshes)
    {
        _search = search;
        refreshes.Refreshed += () => Interlocked.Increment(ref _generation);
    }

    public (IReadOnlyList<SearchHit> Popular, IReadOnlyList<SearchHit> Recent) Get()
    {
        // Read before searching: lists a refresh overtook are never taken for the newer index's.
        var generation = Volatile.Read(ref _generation);
        if (Volatile.Read(ref _current) is { } current && current.Generation == generation)
        {
            return (current.Popular, current.Recent);
        }

        var popular = _search.Search(new SearchRequest { Sort = SearchSort.Popularity, PageSize = Size }).Hits;
        var recent = _search.Search(new SearchRequest { Sort = SearchSort.LastPushed, PageSize = Size }).Hits;
        Volatile.Write(ref _current, new Snapshot(generation, popular, recent));
        return (popular, recent);
    }

    private sealed record Snapshot(int Generation, IReadOnlyList<SearchHit> Popular, IReadOnlyList<SearchHit> Recent);
}
