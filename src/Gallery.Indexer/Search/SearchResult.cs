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
    /// <summary>The text with likely typos corrected, when it found fewer than <see cref="Search.DidYouMean.FewHits"/> repositories.</summary>
    public string? DidYouMean { get; init; }

    public static SearchResult Empty(int page, int pageSize) => new(0, page, pageSize, [], SearchFacets.Empty, 0);
}

/// <summary>
/// One repository found, with what a card shows and no more: score and creation time are not sent
/// (<c>/api/search</c>), nor the alias and the name inside it (the full name holds both). Highlights are HTML-escaped text with matches wrapped in <c>&lt;mark&gt;</c> (the full
/// name's as offsets in <c>/api/search</c>), present only where something matched; a description with matches is sent once, marked (<see cref="Description"/> is then null).
/// </summary>
public sealed record SearchHit(
    string FullName,
    [property: System.Text.Json.Serialization.JsonIgnore] string Alias,
    [property: System.Text.Json.Serialization.JsonIgnore] string Name,
    string? PublisherDisplayName,
    bool Verified,
    string? Description,
    IReadOnlyList<string> Architectures,
    IReadOnlyList<string> OperatingSystems,
    string? LogoDigest,
    long PullCount,
    DateTime? LastPushedAt,
    [property: System.Text.Json.Serialization.JsonIgnore] DateTime CreatedAt,
    [property: System.Text.Json.Serialization.JsonIgnore] float Score,
    [property: System.Text.Json.Serialization.JsonIgnore] SearchHighlights Highlights)
{
    /// <summary>The highlights as <c>/api/search</c> sends them: left out when nothing is marked.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("highlights")]
    public SearchHighlights? MarkedHighlights => Highlights.FullName is null && Highlights.Description is null ? null : Highlights;
}

/// <summary>
/// What matched, for a card: the full name and the description marked (HTML). <c>/api/search</c> sends the marked
/// description, but of the full name only where it matched (<see cref="FullNameMatches"/>): the hit carries the name.
/// </summary>
public sealed record SearchHighlights([property: System.Text.Json.Serialization.JsonIgnore] string? FullName, string? Description)
{
    /// <summary>The full name's matches as <c>[start, end)</c> offsets into it, sent as <c>highlights.fullName</c>.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("fullName")]
    public IReadOnlyList<int[]>? FullNameMatches { get; init; }

    /// <summary>Whether a highlighted text marks anything (else it is left out, and the plain text shown).</summary>
    public static string? IfMarked(string html) => html.Contains("<mark>", StringComparison.Ordinal) ? html : null;
}

/// <summary>
/// Counts per architecture and operating system for the current text and the other filters: each dimension is
/// counted as if its own filter were not set, so choosing one value still shows how many the others have.
/// </summary>
public sealed record SearchFacets(IReadOnlyList<FacetCount> Architectures, IReadOnlyList<FacetCount> OperatingSystems)
{
    public static SearchFacets Empty { get; } = new([], []);
}

public sealed record FacetCount(string Value, int Count);
