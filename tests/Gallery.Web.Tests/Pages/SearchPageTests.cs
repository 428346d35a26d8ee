using Gallery.Indexer.Search;
using Gallery.Web.Components.Pages.Search;

namespace Gallery.Web.Tests.Pages;

public sealed class SearchPageTests : GalleryTestContext
{
    [Fact]
    public void Shows_a_card_per_hit_with_highlights_publisher_badges_and_pulls()
    {
        SeedCatalog();
        Search.Hits[0] = FakeGallerySearch.Hit("acme/web-server", "A fast web server", pulls: 5000, verified: true, displayName: "Acme Corp",
            highlightedName: "acme/<mark>web</mark>-server", highlightedDescription: "A fast <mark>web</mark> server");

        var page = Visit<SearchPage>("/search?searchTerm=web");

        var card = page.Find("article.repo-card");
        Assert.Equal("web", card.QuerySelector("h3 mark")!.TextContent);
        Assert.Equal("/acme/web-server", card.QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.Contains("Acme Corp", card.TextContent);
        Assert.NotNull(card.QuerySelector(".verified"));
        Assert.Contains("5K pulls", card.TextContent);
        Assert.Contains("x86-64", card.TextContent);
        Assert.Contains("1 repository", page.Find("#results-summary").TextContent);
    }

    [Fact]
    public void A_likely_typo_offers_the_corrected_search()
    {
        SeedCatalog();
        Search.DidYouMean = "nginx proxy";

        var page = Visit<SearchPage>("/search?searchTerm=ngnix%20proxy&architecture=ARM");

        var link = page.Find(".did-you-mean a");
        Assert.Equal("nginx proxy", link.TextContent);
        Assert.Equal("/search?searchTerm=nginx%20proxy&architecture=ARM", link.GetAttribute("href"));
    }

    [Fact]
    public void Without_a_correction_nothing_is_offered()
    {
        SeedCatalog();

        var page = Visit<SearchPage>("/search?searchTerm=web");

        Assert.Empty(page.FindAll(".did-you-mean"));
    }

    [Fact]
    public void Facet_chips_show_counts_and_link_to_the_filtered_search()
    {
        SeedCatalog();

        var page = Visit<SearchPage>("/search");

        var chip = page.FindAll(".facets a").Single(a => a.TextContent.Contains("ARM 64"));
        Assert.Equal("/search?architecture=ARM%2064", chip.GetAttribute("href"));
        Assert.Equal("1 repository", chip.QuerySelector(".count")!.TextContent);
        Assert.Null(chip.GetAttribute("aria-current"));
    }

    [Fact]
    public void Filters_come_from_the_url_and_a_selected_chip_removes_its_filter()
    {
        SeedCatalog();

        var page = Visit<SearchPage>("/search?architecture=ARM&verified=verified&sort=name");

        var request = Search.Requests.Last();
        Assert.Equal(["ARM"], request.Architectures);
        Assert.True(request.Verified);
        Assert.Equal(SearchSort.Name, request.Sort);
        var chip = page.FindAll(".facets a").Single(a => a.TextContent.Contains("ARM") && !a.TextContent.Contains("64"));
        Assert.Equal("true", chip.GetAttribute("aria-current"));
        Assert.Equal("/search?verified=verified&sort=name", chip.GetAttribute("href"));
    }

    [Fact]
    public void No_results_with_filters_suggests_removing_each_filter()
    {
        SeedCatalog();

        var page = Visit<SearchPage>("/search?searchTerm=hello&architecture=x86&operatingSystems=Windows");

        Assert.Contains("No repositories found", page.Markup);
        var removals = page.FindAll(".state a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Contains(("Remove x86", "/search?searchTerm=hello&operatingSystems=Windows"), removals);
        Assert.Contains(("Remove Windows", "/search?searchTerm=hello&architecture=x86"), removals);
        Assert.Contains(("Remove all filters", "/search?searchTerm=hello"), removals);
    }

    [Fact]
    public void Unknown_filter_values_and_bad_pages_are_ignored()
    {
        SeedCatalog();

        Visit<SearchPage>("/search?architecture=mips&architecture=arm%2064&page=banana&sort=nonsense");

        var request = Search.Requests.Last();
        Assert.Equal(["ARM 64"], request.Architectures);
        Assert.Equal(1, request.Page);
        Assert.Equal(SearchSort.Relevance, request.Sort);
    }

    [Fact]
    public void Very_long_text_is_searched_and_shown_only_as_far_as_the_search_reads()
    {
        SeedCatalog();

        var page = Visit<SearchPage>("/search?searchTerm=" + new string('x', 20_000));

        Assert.Equal(QueryText.MaxLength, Search.Requests.Last().Text!.Length);
        Assert.True(page.Find("h1").TextContent.Length < QueryText.MaxLength + 20);
    }

    [Theory]
    [InlineData("../..")]
    [InlineData("<script>")]
    public void A_publisher_filter_that_is_no_alias_is_ignored(string publisher)
    {
        SeedCatalog();

        var page = Visit<SearchPage>("/search?publisher=" + Uri.EscapeDataString(publisher));

        Assert.Null(Search.Requests.Last().Publisher);
        Assert.DoesNotContain(publisher, page.Find(".facets").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_past_the_last_links_back_to_the_first()
    {
        SeedCatalog();

        var page = Visit<SearchPage>("/search?sort=name&page=9");

        Assert.Contains("There is no page 9", page.Markup);
        Assert.DoesNotContain("No repository holds an image yet", page.Markup);
        Assert.NotNull(page.Find(".state a[href='/search?sort=name']"));
    }

    [Fact]
    public void Pages_link_to_their_own_urls()
    {
        for (var i = 0; i < 45; i++)
        {
            Search.Hits.Add(FakeGallerySearch.Hit($"many/repo-{i:D2}"));
        }

        var page = Visit<SearchPage>("/search?searchTerm=repo&page=2");

        Assert.Equal(20, page.FindAll("article.repo-card").Count);
        Assert.Equal("2", page.Find(".pager [aria-current=page]").TextContent);
        Assert.Equal("/search?searchTerm=repo&page=3", page.Find(".pager a[rel=next]").GetAttribute("href"));
        Assert.Equal("/search?searchTerm=repo", page.Find(".pager a[rel=prev]").GetAttribute("href"));
    }

    [Fact]
    public void A_pasted_reference_without_a_tag_opens_the_repository()
    {
        SeedCatalog();
        Visit<SearchPage>("/search?searchTerm=public.ecr.aws%2Facme%2Fweb-server");

        Assert.EndsWith("/acme/web-server", Navigation.Uri);
    }

    [Fact]
    public void A_pasted_reference_opens_that_image()
    {
        SeedCatalog();
        Visit<SearchPage>("/search?searchTerm=localhost%3A5000%2Facme%2Ftools%2Fcli%3A1.2");

        Assert.EndsWith("/acme/tools/cli?tab=image-tags&tagFilter=1.2", Navigation.Uri);
    }

    [Fact]
    public void A_pasted_digest_opens_the_repository_holding_it()
    {
        SeedCatalog();
        var digest = "sha256:" + new string('c', 64);
        Reader.Digests[digest] = "acme/web-server";

        Visit<SearchPage>("/search?searchTerm=" + digest);

        Assert.EndsWith("/acme/web-server?tab=image-tags", Navigation.Uri);
    }

    [Fact]
    public void A_reference_to_no_repository_of_the_gallery_is_searched_as_text()
    {
        SeedCatalog();

        var page = Visit<SearchPage>("/search?searchTerm=github.com%2Forg%2Ftool");

        Assert.Contains("/search?", Navigation.Uri);
        Assert.Contains("No repositories found", page.Markup);
    }

    [Fact]
    public void An_unknown_digest_is_searched_as_text()
    {
        var page = Visit<SearchPage>("/search?searchTerm=sha256:" + new string('d', 64));

        Assert.Contains("No repositories found", page.Markup);
        Assert.Contains("/search?", Navigation.Uri);
    }

    [Fact]
    public void Says_so_when_search_is_unavailable()
    {
        Search.Failure = new IOException("index gone");

        var page = Visit<SearchPage>("/search?searchTerm=x");

        Assert.Contains("not available", page.Markup);
    }
}
