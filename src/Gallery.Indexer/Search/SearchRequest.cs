namespace Gallery.Indexer.Search;

/// <summary>
/// One search: free text (empty lists everything), filters (values within a filter are alternatives; filters
/// combine), a sort and a page (1-based). Architectures and operating systems use the gallery's names
/// (<c>x86-64</c>, <c>ARM 64</c>, <c>Linux</c>...).
/// </summary>
public sealed record SearchRequest
{
    public const int MaxPageSize = 100;

    /// <summary>Deep pages cost memory per query: results beyond this many are not served.</summary>
    public const int MaxResultWindow = 10_000;

    public string? Text { get; init; }

    public IReadOnlyList<string> Architectures { get; init; } = [];

    public IReadOnlyList<string> OperatingSystems { get; init; } = [];

    /// <summary>What repositories hold: <c>image</c>, <c>helm</c>, <c>artifact</c> (<see cref="Registry.Core.Oci.ArtifactKinds.Names"/>).</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>A publisher's registry alias.</summary>
    public string? Publisher { get; init; }

    public bool? Verified { get; init; }

    /// <summary>true: only repositories with a signed current tag; false: only those without.</summary>
    public bool? Signed { get; init; }

    /// <summary>true: only repositories with an SBOM on a current tag; false: only those without.</summary>
    public bool? Sbom { get; init; }

    /// <summary>Only repositories whose current tags ship this package (and version, when the filter has a prefix).</summary>
    public PackageFilter? Package { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;
}

public enum SearchSort
{
    /// <summary>Best match first; ties by pulls.</summary>
    Relevance,

    /// <summary>Most pulled first.</summary>
    Popularity,

    /// <summary>Most recently pushed first.</summary>
    LastPushed,

    /// <summary>By full name, A to Z.</summary>
    Name,
}
