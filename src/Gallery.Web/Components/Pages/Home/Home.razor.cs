using Gallery.Indexer.Search;
using Microsoft.AspNetCore.Components;
using Gallery.Indexer.Reading;
using Registry.Core.Repositories.Public;

namespace Gallery.Web.Components.Pages.Home;

/// <summary>The front page: search, popular and recently updated repositories, verified publishers, totals.</summary>
public partial class Home
{
    [Inject]
    private HomeListings Listings { get; set; } = default!;

    [Inject]
    private IGalleryReader Reader { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<Home> Logger { get; set; } = default!;

    private PublicTotals? Totals { get; set; }

    private IReadOnlyList<SearchHit> Popular { get; set; } = [];

    private IReadOnlyList<SearchHit> Recent { get; set; } = [];

    private IReadOnlyList<GalleryPublisher> Publishers { get; set; } = [];

    private bool Error { get; set; }

    private string Host => new Uri(Navigation.BaseUri).Authority;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            Totals = await Reader.GetTotalsAsync();
            if (Totals.Repositories > 0)
            {
                (Popular, Recent) = Listings.Get();
                Publishers = await Reader.GetVerifiedPublishersAsync(12);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "The home page could not read the gallery");
            Error = true;
        }
    }
}
