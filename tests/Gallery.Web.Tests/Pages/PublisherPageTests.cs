using Gallery.Indexer.Search;
using Gallery.Web.Components.Pages.Publishers;

namespace Gallery.Web.Tests.Pages;

public sealed class PublisherPageTests : GalleryTestContext
{
    [Fact]
    public void Shows_the_publisher_and_its_repositories_by_popularity()
    {
        SeedCatalog();

        var page = Render<PublisherPage>(p => p.Add(x => x.Alias, "acme"));

        Assert.Equal("Acme Corp", page.Find("h1").TextContent);
        Assert.NotNull(page.Find(".repo-publisher .verified"));
        Assert.Equal(["acme/web-server", "acme/tools/cli"], page.FindAll("article h3 a").Select(a => a.TextContent));
        Assert.Equal("acme", Search.Requests.Last().Publisher);
    }

    [Fact]
    public void Shows_the_registry_logo_when_the_publisher_has_one()
    {
        SeedCatalog();
        var digest = "sha256:" + new string('a', 64);
        Reader.Publishers["acme"] = Reader.Publishers["acme"] with { LogoDigest = digest };

        var page = Render<PublisherPage>(p => p.Add(x => x.Alias, "acme"));
        var other = Render<PublisherPage>(p => p.Add(x => x.Alias, "bob"));

        Assert.Equal("/api/logos/" + digest, page.Find(".repo-header img.logo").GetAttribute("src"));
        Assert.Equal("/assets/default-logo.svg", other.Find(".repo-header img.logo").GetAttribute("src"));
    }

    [Fact]
    public void Searches_within_the_publisher()
    {
        SeedCatalog();

        var page = Visit<PublisherPage>("/acme?searchTerm=cli", p => p.Add(x => x.Alias, "acme"));

        Assert.Equal(["acme/tools/cli"], page.FindAll("article h3 a").Select(a => a.TextContent));
    }

    [Fact]
    public void A_publisher_without_public_repositories_says_so()
    {
        Reader.Publishers["empty"] = new("empty", null, false, null, 0);

        var page = Render<PublisherPage>(p => p.Add(x => x.Alias, "empty"));

        Assert.Contains("no public repositories yet", page.Markup);
    }

    [Theory]
    [InlineData("nobody")]
    [InlineData("search")]
    [InlineData("favicon.ico")]
    public void Unknown_or_reserved_aliases_are_not_found(string alias)
    {
        var page = Render<PublisherPage>(p => p.Add(x => x.Alias, alias));

        Assert.Equal("Publisher not found", page.Find("h1").TextContent);
    }

    [Theory]
    [InlineData("ACME")]
    [InlineData("acme/")]
    public void An_alias_in_another_case_or_with_a_trailing_slash_shows_the_publisher(string alias)
    {
        SeedCatalog();

        var page = Visit<PublisherPage>("/" + alias, p => p.Add(x => x.Alias, alias));

        Assert.Equal("Acme Corp", page.Find("h1").TextContent);
        Assert.Equal("acme", Search.Requests.Last().Publisher);
    }

    [Fact]
    public void Very_long_search_text_is_shown_only_as_far_as_the_search_reads()
    {
        SeedCatalog();
        var text = new string('q', 20_000);

        var page = Visit<PublisherPage>("/acme?searchTerm=" + text, p => p.Add(x => x.Alias, "acme"));

        Assert.Equal(QueryText.MaxLength, Search.Requests.Last().Text!.Length);
        Assert.DoesNotContain(text[..(QueryText.MaxLength + 1)], page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_past_the_last_links_back_to_the_first()
    {
        SeedCatalog();

        var page = Visit<PublisherPage>("/acme?page=9", p => p.Add(x => x.Alias, "acme"));

        Assert.Contains("There is no page 9", page.Markup);
        Assert.NotNull(page.Find(".state a[href='/acme']"));
    }
}
