namespace Gallery.Indexer.Search;

/// <summary>A page of hits, the total number of matches, facet counts under the current query, and how long it took.</summary>
public sealed record SearchResult(
    long Total,
    int Page,
    int PageSize,
    IReadOnlyList<SearchHit> Hits,
    SearchFacets Facets,
    double ElapsedMilliseconds)
{
    public static SearchResult Empty(int page, int pageSize) => new(0, page, pageSize, [], SearchFacets.Empty, 0);
}

/// <summary>One repository found. Highlights are HTML-escaped text with matches wrapped in <c>&lt;mark&gt;</c>.</summary>
public sealed record SearchHit(
    string FullName,
    string Alias,
    string Name,
    string? PublisherDisplayName,
    bool Verified,
    string? Description,
    IReadOnlyList<string> Architectures,
    IReadOnlyList<string> OperatingSystems,
    string? LogoDigest,
    long PullCount,
    DateTime? LastPushedAt,
    DateTime CreatedAt,
    float Score,
    SearchHighlights Highlights);

public sealed record SearchHighlights(string FullName, string? Description);

/// <summary>
/// Counts per architecture and operating system for the current text and the other filters: each dimension is
/// counted as if its own filter were not set, so choosing one value still shows how many the others have.
/// </summary>
public sealed record SearchFacets(IReadOnlyList<FacetCount> Architectures, IReadOnlyList<FacetCount> OperatingSystems)
{
    public static SearchFacets Empty { get; } = new([], []);
}

public sealed record FacetCount(string Value, int Count);
