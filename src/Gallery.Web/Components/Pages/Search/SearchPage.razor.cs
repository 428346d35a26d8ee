using Gallery.Indexer.Documents;
using Gallery.Indexer.Search;
using Microsoft.AspNetCore.Components;
using Registry.Core.Oci;
using Gallery.Indexer.Reading;
using Registry.Core.Repositories.CatalogData;

namespace Gallery.Web.Components.Pages.Search;

/// <summary>
/// <c>/search</c>: results, facets, sort and paging, all from the URL. A pasted image reference or digest goes
/// straight to its repository.
/// </summary>
public partial class SearchPage
{
    public const int PageSize = 20;

    [Inject]
    private IGallerySearch Search { get; set; } = default!;

    [Inject]
    private IGalleryReader Reader { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<SearchPage> Logger { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "searchTerm")]
    public string? SearchTerm { get; set; }

    [SupplyParameterFromQuery(Name = "architecture")]
    public string[]? Architecture { get; set; }

    [SupplyParameterFromQuery(Name = "operatingSystems")]
    public string[]? OperatingSystems { get; set; }

    [SupplyParameterFromQuery(Name = "type")]
    public string[]? Type { get; set; }

    [SupplyParameterFromQuery(Name = "signed")]
    public string? Signed { get; set; }

    [SupplyParameterFromQuery(Name = "sbom")]
    public string? Sbom { get; set; }

    [SupplyParameterFromQuery(Name = "package")]
    public string? Package { get; set; }

    [SupplyParameterFromQuery(Name = "verified")]
    public string? Verified { get; set; }

    [SupplyParameterFromQuery(Name = "publisher")]
    public string? Publisher { get; set; }

    [SupplyParameterFromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public string? Page { get; set; }

    private SearchState State { get; set; } = SearchState.Empty;

    private SearchResult Result { get; set; } = SearchResult.Empty(1, PageSize);

    private string? Error { get; set; }

    private int PageCount => (int)Math.Min((Result.Total + PageSize - 1) / PageSize, SearchRequest.MaxResultWindow / PageSize);

    private string Title => string.IsNullOrWhiteSpace(State.Text) ? "Search repositories · Gallery" : $"{State.Text} · Search · Gallery";

    private string Heading => string.IsNullOrWhiteSpace(State.Text) ? "All repositories" : $"Results for “{State.Text}”";

    private string Summary => Result.Total == 1 ? "1 repository" : $"{Result.Total:N0} repositories";

    private IEnumerable<(string Value, int Count, bool Selected)> ArchitectureFacets =>
        Facets(PlatformNames.Architectures, Result.Facets.Architectures, State.Architectures);

    private IEnumerable<(string Value, int Count, bool Selected)> TypeFacets =>
        Facets(ArtifactKinds.Names, Result.Facets.Types, State.Types);

    private int SignedCount => Result.Facets.Signed.FirstOrDefault(f => f.Value == "true")?.Count ?? 0;

    private int SbomCount => Result.Facets.Sbom.FirstOrDefault(f => f.Value == "true")?.Count ?? 0;

    private static string TypeLabel(string type) => type switch
    {
        "helm" => "Helm charts",
        "artifact" => "Other artifacts",
        _ => "Container images",
    };

    private IEnumerable<(string Value, int Count, bool Selected)> OperatingSystemFacets =>
        Facets(PlatformNames.OperatingSystems, Result.Facets.OperatingSystems, State.OperatingSystems);

    protected override async Task OnParametersSetAsync()
    {
        State = new SearchState(
            SearchState.ParseText(SearchTerm),
            Known(Architecture, PlatformNames.Architectures),
            Known(OperatingSystems, PlatformNames.OperatingSystems),
            SearchState.ParseVerified(Verified),
            SearchState.ParsePublisher(Publisher),
            SearchState.ParseSort(Sort),
            Math.Clamp(int.TryParse(Page, out var page) ? page : 1, 1, SearchRequest.MaxResultWindow / PageSize))
        {
            Types = Known(Type, ArtifactKinds.Names),
            Signed = SearchState.ParseVerified(Signed),
            Sbom = SearchState.ParseVerified(Sbom),
            // An unreadable package filter (blank, too long) filters nothing here; /api/search names it in a 400.
            Package = Package is null ? null : PackageFilter.TryParse(Package, out _),
        };

        if (ImageReference.Parse(State.Text) is { } reference && await ResolveAsync(reference) is { } target)
        {
            Navigation.NavigateTo(target);
            return;
        }

        try
        {
            Result = Search.Search(State.ToRequest(PageSize));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "Search failed for {Text}", State.Text);
            Error = "The search is not available just now. Try again in a moment.";
        }
    }

    /// <summary>The repository page for a pasted reference (its tags tab, filtered to a tag given), or null to search the text.</summary>
    private async Task<string?> ResolveAsync(ImageReference reference)
    {
        var fullName = reference.FullName ?? (reference.Digest is null ? null : await Reader.FindRepositoryByDigestAsync(reference.Digest));
        // Only a repository the gallery shows: "github.com/org/tool" is something to search for, not a page to open.
        if (fullName is null || await Reader.GetRepositoryAsync(fullName) is null)
        {
            return null;
        }

        if (reference.Tag is null && reference.Digest is null)
        {
            return "/" + fullName;
        }

        var filter = reference.Tag is null ? "" : "&tagFilter=" + Uri.EscapeDataString(reference.Tag);
        return $"/{fullName}?tab=image-tags{filter}";
    }

    private IEnumerable<(string Label, string Url)> Removals()
    {
        foreach (var a in State.Architectures)
        {
            yield return (a, State.ToggleArchitecture(a).Url());
        }

        foreach (var o in State.OperatingSystems)
        {
            yield return (o, State.ToggleOperatingSystem(o).Url());
        }

        foreach (var t in State.Types)
        {
            yield return (TypeLabel(t), State.ToggleType(t).Url());
        }

        if (State.Signed)
        {
            yield return ("Signed only", (State with { Signed = false, Page = 1 }).Url());
        }

        if (State.Sbom)
        {
            yield return ("With SBOM only", (State with { Sbom = false, Page = 1 }).Url());
        }

        if (State.Package is not null)
        {
            yield return ($"package {State.Package}", (State with { Package = null, Page = 1 }).Url());
        }

        if (State.Verified)
        {
            yield return ("Verified only", (State with { Verified = false, Page = 1 }).Url());
        }

        if (State.Publisher is not null)
        {
            yield return ($"publisher {State.Publisher}", (State with { Publisher = null, Page = 1 }).Url());
        }

        if (State.Architectures.Count + State.OperatingSystems.Count + State.Types.Count + (State.Signed ? 1 : 0) + (State.Sbom ? 1 : 0) + (State.Package is null ? 0 : 1) + (State.Verified ? 1 : 0) + (State.Publisher is null ? 0 : 1) > 1)
        {
            yield return ("all filters", State.WithoutFilters().Url());
        }
    }

    private static string SortLabel(SearchSort sort) => sort switch
    {
        SearchSort.Popularity => "Most pulls",
        SearchSort.LastPushed => "Last pushed",
        SearchSort.Name => "Name",
        _ => "Best match",
    };

    private static IReadOnlyList<string> Known(string[]? values, IReadOnlyList<string> known) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(v => known.FirstOrDefault(k => string.Equals(k, v, StringComparison.OrdinalIgnoreCase)))
            .OfType<string>().Distinct().ToList();

    private static IEnumerable<(string Value, int Count, bool Selected)> Facets(
        IReadOnlyList<string> known, IReadOnlyList<FacetCount> counts, IReadOnlyList<string> selected) =>
        known.Select(v => (v, counts.FirstOrDefault(c => c.Value == v)?.Count ?? 0, selected.Contains(v)))
            .Where(f => f.Item2 > 0 || f.Item3);
}
