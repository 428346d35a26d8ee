using Gallery.Indexer.Indexing;
using Gallery.Indexer.Search;
using Gallery.Web.Components.Pages.Home;
using Lucene.Net.Search;

namespace Gallery.Web.Tests.Pages;

/// <summary>The home page's lists are sorts of the whole index: searched once per index refresh, not once per render.</summary>
public sealed class HomeListingsTests
{
    [Fact]
    public void The_lists_are_searched_again_only_after_the_index_refreshes()
    {
        var search = new FakeGallerySearch();
        var refreshes = new IndexRefreshes();
        var listings = new HomeListings(search, refreshes);

        listings.Get();
        listings.Get();
        Assert.Equal([SearchSort.Popularity, SearchSort.LastPushed], search.Requests.Select(r => r.Sort));

        ((ReferenceManager.IRefreshListener)refreshes).AfterRefresh(didRefresh: true);
        listings.Get();
        listings.Get();
        Assert.Equal(4, search.Requests.Count);
    }
}
