using Gallery.Indexer.Search;
using Microsoft.AspNetCore.WebUtilities;
using Registry.Core.Oci;

namespace Gallery.Web.Components.Pages.Search;

/// <summary>
/// Everything the search page shows, as it lives in the URL (gallery.ecr.aws's parameter names), and the URLs of
/// the states one click away (a facet toggled, another sort, another page). Changing a filter goes back to page 1.
/// </summary>
public sealed record SearchState(
    string? Text,
    IReadOnlyList<string> Architectures,
    IReadOnlyList<string> OperatingSystems,
    bool Verified,
    string? Publisher,
    SearchSort Sort,
    int Page)
{
    public static readonly SearchState Empty = new(null, [], [], false, null, SearchSort.Relevance, 1);

    /// <summary>What repositories hold: <c>image</c>, <c>helm</c>, <c>artifact</c>.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>Only repositories with a signed current tag.</summary>
    public bool Signed { get; init; }

    /// <summary>Only repositories with an SBOM on a current tag.</summary>
    public bool Sbom { get; init; }

    /// <summary>Only repositories whose current tags ship this package (<c>name</c> or <c>name@version prefix</c>).</summary>
    public PackageFilter? Package { get; init; }

    public bool HasFilters => Architectures.Count + OperatingSystems.Count + Types.Count > 0 || Verified || Signed || Sbom || Package is not null || Publisher is not null;

    public SearchRequest ToRequest(int pageSize) => new()
    {
        Text = Text,
        Architectures = Architectures,
        OperatingSystems = OperatingSystems,
        Types = Types,
        Signed = Signed ? true : null,
        Sbom = Sbom ? true : null,
        Package = Package,
        Verified = Verified ? true : null,
        Publisher = Publisher,
        Sort = Sort,
        Page = Page,
        PageSize = pageSize,
    };

    public SearchState ToggleArchitecture(string value) => this with { Architectures = Toggle(Architectures, value), Page = 1 };

    public SearchState ToggleOperatingSystem(string value) => this with { OperatingSystems = Toggle(OperatingSystems, value), Page = 1 };

    public SearchState ToggleType(string value) => this with { Types = Toggle(Types, value), Page = 1 };

    public SearchState WithoutFilters() => this with { Architectures = [], OperatingSystems = [], Types = [], Verified = false, Signed = false, Sbom = false, Package = null, Publisher = null, Page = 1 };

    public string Url()
    {
        var query = new List<KeyValuePair<string, string?>>();
        if (!string.IsNullOrWhiteSpace(Text))
        {
            query.Add(new("searchTerm", Text));
        }

        query.AddRange(Architectures.Select(a => new KeyValuePair<string, string?>("architecture", a)));
        query.AddRange(OperatingSystems.Select(o => new KeyValuePair<string, string?>("operatingSystems", o)));
        query.AddRange(Types.Select(t => new KeyValuePair<string, string?>("type", t)));
        if (Verified)
        {
            query.Add(new("verified", "verified"));
        }

        if (Signed)
        {
            query.Add(new("signed", "true"));
        }

        if (Sbom)
        {
            query.Add(new("sbom", "true"));
        }

        if (Package is not null)
        {
            query.Add(new("package", Package.Term));
        }

        if (Publisher is not null)
        {
            query.Add(new("publisher", Publisher));
        }

        if (Sort != SearchSort.Relevance)
        {
            query.Add(new("sort", SortName(Sort)));
        }

        if (Page > 1)
        {
            query.Add(new("page", Page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return QueryHelpers.AddQueryString("/search", query);
    }

    /// <summary>The URL value of a sort: <c>relevance</c>, <c>popularity</c>, <c>lastPushed</c>, <c>name</c>.</summary>
    public static string SortName(SearchSort sort) => sort switch
    {
        SearchSort.Popularity => "popularity",
        SearchSort.LastPushed => "lastPushed",
        SearchSort.Name => "name",
        _ => "relevance",
    };

    public static SearchSort ParseSort(string? value) =>
        Enum.TryParse<SearchSort>(value, ignoreCase: true, out var sort) && Enum.IsDefined(sort) ? sort : SearchSort.Relevance;

    /// <summary>The text as searched: trimmed, and cut where the search stops reading, so no page echoes more.</summary>
    public static string? ParseText(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length > QueryText.MaxLength ? text[..QueryText.MaxLength].TrimEnd() : text;
    }

    /// <summary>A publisher filter names a registry alias; anything else (another case aside) filters nothing.</summary>
    public static string? ParsePublisher(string? value)
    {
        var alias = value?.Trim().ToLowerInvariant();
        return alias is not null && RepositoryName.IsValidAlias(alias, out _) ? alias : null;
    }

    /// <summary>gallery.ecr.aws writes <c>verified=verified</c>; <c>true</c> works too.</summary>
    public static bool ParseVerified(string? value) =>
        string.Equals(value, "verified", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<string> Toggle(IReadOnlyList<string> values, string value) =>
        values.Contains(value, StringComparer.Ordinal) ? values.Where(v => v != value).ToList() : [.. values, value];
}
