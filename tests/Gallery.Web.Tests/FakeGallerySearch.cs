using Gallery.Indexer.Search;

namespace Gallery.Web.Tests;

/// <summary>IGallerySearch over a list: text matches part of the full name, filters and paging as the real one.</summary>
public sealed class FakeGallerySearch : IGallerySearch
{
    public List<SearchHit> Hits { get; } = [];

    public List<SearchRequest> Requests { get; } = [];

    public Exception? Failure { get; set; }

    /// <summary>The correction every answer offers (the real search offers one when a likely typo finds little).</summary>
    public string? DidYouMean { get; set; }

    public SearchResult Search(SearchRequest request)
    {
        Requests.Add(request);
        if (Failure is not null)
        {
            throw Failure;
        }

        IEnumerable<SearchHit> matching = Hits;
        if (!string.IsNullOrWhiteSpace(request.Text))
        {
            matching = matching.Where(h => h.FullName.Contains(request.Text, StringComparison.OrdinalIgnoreCase));
        }

        if (request.Publisher is not null)
        {
            matching = matching.Where(h => h.Alias == request.Publisher);
        }

        if (request.Verified is true)
        {
            matching = matching.Where(h => h.Verified);
        }

        var beforePlatforms = matching.ToList();
        var list = beforePlatforms
            .Where(h => request.Architectures.Count == 0 || h.Architectures.Intersect(request.Architectures).Any())
            .Where(h => request.OperatingSystems.Count == 0 || h.OperatingSystems.Intersect(request.OperatingSystems).Any())
            .ToList();
        list = request.Sort switch
        {
            SearchSort.Popularity => list.OrderByDescending(h => h.PullCount).ToList(),
            SearchSort.LastPushed => list.OrderByDescending(h => h.LastPushedAt).ToList(),
            SearchSort.Name => list.OrderBy(h => h.FullName, StringComparer.Ordinal).ToList(),
            _ => list,
        };
        var facets = new SearchFacets(
            Count(beforePlatforms.Where(h => request.OperatingSystems.Count == 0 || h.OperatingSystems.Intersect(request.OperatingSystems).Any()), h => h.Architectures),
            Count(beforePlatforms.Where(h => request.Architectures.Count == 0 || h.Architectures.Intersect(request.Architectures).Any()), h => h.OperatingSystems));
        var page = list.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToList();
        return new SearchResult(list.Count, request.Page, request.PageSize, page, facets, 0.1) { DidYouMean = DidYouMean };
    }

    private static List<FacetCount> Count(IEnumerable<SearchHit> hits, Func<SearchHit, IReadOnlyList<string>> values) =>
        hits.SelectMany(values).GroupBy(v => v).Select(g => new FacetCount(g.Key, g.Count())).OrderByDescending(f => f.Count).ToList();

    /// <summary>A hit as the real search makes it: highlights only where something is marked, a marked description sent only marked.</summary>
    public static SearchHit Hit(
        string fullName, string? description = null, long pulls = 0, bool verified = false, string[]? architectures = null,
        string[]? operatingSystems = null, string? displayName = null, string? highlightedName = null, string? highlightedDescription = null)
    {
        var slash = fullName.IndexOf('/', StringComparison.Ordinal);
        return new SearchHit(
            fullName, fullName[..slash], fullName[(slash + 1)..], displayName, verified, highlightedDescription is null ? description : null,
            architectures ?? ["x86-64"], operatingSystems ?? ["Linux"], null, pulls, new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), 1, new SearchHighlights(highlightedName, highlightedDescription));
    }
}
