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
    /// <summary>
    /// The words to mark in the hits' full names and descriptions, lower-cased as written there (each a whole word, to
    /// mark case-insensitively): <c>/api/search</c> sends them once rather than a marked copy of each hit's texts.
    /// </summary>
    public IReadOnlyList<string>? Marks { get; init; }

    /// <summary>The text with likely typos corrected, when it found fewer than <see cref="Search.DidYouMean.FewHits"/> repositories.</summary>
    public string? DidYouMean { get; init; }

    public static SearchResult Empty(int page, int pageSize) => new(0, page, pageSize, [], SearchFacets.Empty, 0);
}

/// <summary>
/// One repository found, with what a card shows and no more: score and creation time are not sent
/// (<c>/api/search</c>), nor the alias and the name inside it (the full name holds both), nor the highlights — the
/// answer's <see cref="SearchResult.Marks"/> say what to mark. Highlights (for pages) are HTML-escaped text with matches
/// wrapped in <c>&lt;mark&gt;</c>, present only where something matched.
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
    /// <summary>What the repository holds when it is not images: <c>helm</c> or <c>artifact</c>; null (left out) for images.</summary>
    public string? Type { get; init; }

    /// <summary>True when the image behind some current tag is signed (not verified); absent otherwise.</summary>
    public bool? Signed { get; init; }

    /// <summary>True when the image behind some current tag has an SBOM; absent otherwise.</summary>
    public bool? Sbom { get; init; }

    /// <summary>For a <c>package=</c> search: the versions found and the tags that ship them (up to 5).</summary>
    public IReadOnlyList<PackageMatch>? Packages { get; init; }
}

/// <summary>A package version a repository's current tags ship, and which tags (up to 5).</summary>
public sealed record PackageMatch(string Name, string? Version, IReadOnlyList<string> Tags);

/// <summary>What matched, marked for a card: the full name, and a window of the description.</summary>
public sealed record SearchHighlights(string? FullName, string? Description)
{
    /// <summary>Whether a highlighted text marks anything (else it is left out, and the plain text shown).</summary>
    public static string? IfMarked(string html) => html.Contains("<mark>", StringComparison.Ordinal) ? html : null;
}

/// <summary>
/// Counts per architecture, operating system and type for the current text and the other filters: each dimension is
/// counted as if its own filter were not set, so choosing one value still shows how many the others have.
/// </summary>
public sealed record SearchFacets(IReadOnlyList<FacetCount> Architectures, IReadOnlyList<FacetCount> OperatingSystems)
{
    /// <summary>Counts per type (<c>image</c>, <c>helm</c>, <c>artifact</c>).</summary>
    public IReadOnlyList<FacetCount> Types { get; init; } = [];

    /// <summary>Counts of repositories with (<c>true</c>) and without (<c>false</c>) a signed current tag.</summary>
    public IReadOnlyList<FacetCount> Signed { get; init; } = [];

    /// <summary>Counts of repositories with (<c>true</c>) and without (<c>false</c>) an SBOM on a current tag.</summary>
    public IReadOnlyList<FacetCount> Sbom { get; init; } = [];

    public static SearchFacets Empty { get; } = new([], []);
}

public sealed record FacetCount(string Value, int Count);
