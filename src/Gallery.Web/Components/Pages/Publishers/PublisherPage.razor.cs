using Gallery.Indexer.Search;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Registry.Core.Access;
using Registry.Core.Oci;
using Gallery.Web.Components.Pages.NotFound;
using Gallery.Indexer.Reading;

namespace Gallery.Web.Components.Pages.Publishers;

/// <summary><c>/&lt;alias&gt;</c>: a publisher and its public repositories (searchable, sortable, paged through the index).</summary>
public partial class PublisherPage
{
    public const int PageSize = 20;

    [Inject]
    private IGalleryReader Reader { get; set; } = default!;

    [Inject]
    private IGallerySearch Search { get; set; } = default!;

    [Inject]
    private NotFoundMessage NotFoundMessage { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<PublisherPage> Logger { get; set; } = default!;

    [Parameter]
    public string Alias { get; set; } = "";

    [SupplyParameterFromQuery(Name = "searchTerm")]
    public string? SearchTerm { get; set; }

    [SupplyParameterFromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public string? Page { get; set; }

    private GalleryPublisher? Publisher { get; set; }

    private SearchResult Result { get; set; } = SearchResult.Empty(1, PageSize);

    private bool NotFound { get; set; }

    private bool Error { get; set; }

    /// <summary>The alias in the URL as the registry spells it: lower case, without a trailing slash.</summary>
    private string AliasName { get; set; } = "";

    private string Name => Publisher?.DisplayName ?? AliasName;

    /// <summary>The search text as searched (trimmed, and no longer than the search reads), or null.</summary>
    private string? Text => Pages.Search.SearchState.ParseText(SearchTerm);

    private SearchSort SortValue => Pages.Search.SearchState.ParseSort(Sort) is var s && s != SearchSort.Relevance ? s : SearchSort.Popularity;

    private int PageCount => (int)Math.Min((Result.Total + PageSize - 1) / PageSize, SearchRequest.MaxResultWindow / PageSize);

    protected override async Task OnParametersSetAsync()
    {
        NotFound = false;
        Error = false;
        Publisher = null;
        AliasName = Alias.Trim('/').ToLowerInvariant();
        if (ReservedAliases.IsReserved(AliasName) || !RepositoryName.IsValidAlias(AliasName, out _))
        {
            ShowNotFound();
            return;
        }

        try
        {
            Publisher = await Reader.GetPublisherAsync(AliasName);
            if (Publisher is null)
            {
                ShowNotFound();
            }
            if (Publisher is not null)
            {
                var text = Text;
                var page = Math.Clamp(int.TryParse(Page, out var n) ? n : 1, 1, SearchRequest.MaxResultWindow / PageSize);
                Result = Search.Search(new SearchRequest
                {
                    Text = text,
                    Publisher = Publisher.Alias,
                    Sort = text is null ? SortValue : Sort is null ? SearchSort.Relevance : SortValue,
                    Page = page,
                    PageSize = PageSize,
                });
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "The publisher page of {Alias} failed", AliasName);
            Error = true;
        }
    }

    private void ShowNotFound()
    {
        NotFound = true;
        NotFoundMessage.Show(Navigation, "Publisher not found", $"No publisher uses the alias {AliasName}.", "/" + AliasName);
    }

    private string Url(int page)
    {
        var query = new Dictionary<string, string?>();
        if (Text is not null)
        {
            query["searchTerm"] = Text;
        }

        if (Sort is not null)
        {
            query["sort"] = Pages.Search.SearchState.SortName(SortValue);
        }

        if (page > 1)
        {
            query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return QueryHelpers.AddQueryString("/" + AliasName, query);
    }
}
