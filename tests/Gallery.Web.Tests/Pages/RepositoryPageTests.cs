using Gallery.Web.Components.Pages.Repositories;
using Gallery.Indexer.Reading;

namespace Gallery.Web.Tests.Pages;

public sealed class RepositoryPageTests : GalleryTestContext
{
    private IRenderedComponent<RepositoryPage> Open(string fullName, string? tab = null, string? filter = null, string? sort = null, string? page = null)
    {
        var slash = fullName.IndexOf('/', StringComparison.Ordinal);
        var query = new Dictionary<string, string?> { ["tab"] = tab, ["tagFilter"] = filter, ["tagSort"] = sort, ["tagsPage"] = page }
            .Where(q => q.Value is not null);
        return Visit<RepositoryPage>(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/" + fullName, query), p => p
            .Add(x => x.Alias, fullName[..slash]).Add(x => x.Name, fullName[(slash + 1)..]));
    }

    [Fact]
    public void The_header_shows_name_publisher_description_badges_and_the_pull_command()
    {
        SeedCatalog();

        var page = Open("acme/web-server");

        Assert.Equal("acme/web-server", page.Find("h1").TextContent);
        Assert.Equal("/acme", page.Find(".repo-publisher a").GetAttribute("href"));
        Assert.NotNull(page.Find(".repo-publisher .verified"));
        Assert.Contains("A test image", page.Find(".repo-description").TextContent);
        var badges = page.FindAll(".badges a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Linux", "ARM 64", "x86-64"], badges);
        Assert.Equal("docker pull localhost/acme/web-server:latest", page.Find(".pull-command code").TextContent);
        Assert.Equal("docker pull localhost/acme/web-server:latest", page.Find(".pull-command [data-copy]").GetAttribute("data-copy"));
    }

    [Fact]
    public void About_is_the_default_tab_and_renders_markdown()
    {
        SeedCatalog();

        var page = Open("acme/web-server");

        Assert.Equal("About", page.Find(".tabs [aria-current=page]").TextContent);
        Assert.Equal("Web server", page.Find(".markdown h2").TextContent);
        Assert.Equal("files", page.Find(".markdown strong").TextContent);
    }

    [Fact]
    public void Each_tab_has_its_own_url()
    {
        SeedCatalog();

        var page = Open("acme/web-server", tab: "usage");

        var tabs = page.FindAll(".tabs a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("About", "/acme/web-server"), ("Usage", "/acme/web-server?tab=usage"), ("Image tags", "/acme/web-server?tab=image-tags")], tabs);
        Assert.Equal("Usage", page.Find(".tabs [aria-current=page]").TextContent);
        Assert.Contains("docker run acme/web-server", page.Find(".markdown pre code").TextContent);
    }

    [Fact]
    public void Empty_about_and_usage_say_so()
    {
        SeedCatalog();

        Assert.Contains("has not written about", Open("bob/hello").Markup);
        Assert.Contains("has not written usage", Open("bob/hello", tab: "usage").Markup);
    }

    [Fact]
    public void The_tags_tab_lists_tags_with_platforms_size_digest_and_pull_commands()
    {
        SeedCatalog();

        var page = Open("acme/web-server", tab: "image-tags");

        var rows = page.FindAll("tbody tr");
        Assert.Equal(3, rows.Count);
        var latest = rows.Single(r => r.QuerySelector(".tag-name span")!.TextContent == "latest");
        Assert.Contains("also tagged 1.2.0", latest.TextContent);
        Assert.Contains("linux/amd64", latest.TextContent);
        Assert.Contains("linux/arm64/v8", latest.TextContent);
        Assert.Contains("11.8 MB", latest.TextContent);
        Assert.Equal("sha256:111111111111", latest.QuerySelector(".digest code")!.TextContent);
        var copies = latest.QuerySelectorAll("[data-copy]").Select(b => b.GetAttribute("data-copy")).ToList();
        Assert.Contains("sha256:" + new string('1', 64), copies);
        Assert.Contains("docker pull localhost/acme/web-server:latest", copies);
        Assert.Contains("docker pull localhost/acme/web-server@sha256:" + new string('1', 64), copies);
    }

    [Fact]
    public void A_thousand_tags_are_paged_on_the_server()
    {
        SeedCatalog();
        Reader.Tags["acme/web-server"] = Enumerable.Range(0, 1000).Select(i => FakeGalleryReader.Tag($"1.0.{i}", minutesAgo: i)).ToList();

        var page = Open("acme/web-server", tab: "image-tags", page: "3");

        Assert.Equal(RepositoryPage.TagsPageSize, page.FindAll("tbody tr").Count);
        Assert.Equal("1.0.100", page.Find("tbody tr .tag-name span").TextContent);
        Assert.Contains("1,000 tags, page 3 of 20", page.Markup);
        Assert.Equal("/acme/web-server?tab=image-tags&tagsPage=4", page.Find(".pager a[rel=next]").GetAttribute("href"));
        Assert.Equal("20", page.FindAll(".pager a").Last(a => a.GetAttribute("rel") is null).TextContent);
    }

    [Fact]
    public void A_page_past_the_last_links_back_to_the_first()
    {
        SeedCatalog();

        var page = Open("acme/web-server", tab: "image-tags", page: "9");

        Assert.Contains("There is no page 9", page.Markup);
        Assert.NotNull(page.Find("a[href='/acme/web-server?tab=image-tags']"));
    }

    [Fact]
    public void Tags_filter_and_version_order_come_from_the_url()
    {
        SeedCatalog();
        Reader.Tags["acme/web-server"] = new[] { "1.9.0", "1.10.0", "2.0.0-rc.1", "2.0.0", "latest", "v1.2" }
            .Select((t, i) => FakeGalleryReader.Tag(t, minutesAgo: i)).ToList();

        var sorted = Open("acme/web-server", tab: "image-tags", sort: "version");
        Assert.Equal(["2.0.0", "2.0.0-rc.1", "1.10.0", "1.9.0", "v1.2", "latest"], sorted.FindAll("tbody .tag-name span:first-child").Select(s => s.TextContent));

        var filtered = Open("acme/web-server", tab: "image-tags", filter: "2.0", sort: "version");
        Assert.Equal(["2.0.0", "2.0.0-rc.1"], filtered.FindAll("tbody .tag-name span:first-child").Select(s => s.TextContent));
        Assert.Equal("2.0", filtered.Find("#tag-filter-input").GetAttribute("value"));

        var none = Open("acme/web-server", tab: "image-tags", filter: "nope");
        Assert.Contains("No tag contains", none.Markup);
    }

    [Fact]
    public void Long_names_are_shown_whole()
    {
        var name = "acme/" + string.Join('/', Enumerable.Repeat("a-very-long-path-segment", 8));
        Reader.Repositories[name] = FakeGalleryReader.Repository(name, description: new string('d', 1024));
        Reader.Tags[name] = [FakeGalleryReader.Tag(new string('t', 128))];

        var page = Open(name, tab: "image-tags");

        Assert.Equal(name, page.Find("h1").TextContent);
        Assert.Equal(new string('t', 128), page.Find("tbody .tag-name span").TextContent);
    }

    [Theory]
    [InlineData("acme/missing")]
    [InlineData("v2/acme/web-server")]
    [InlineData("api/search")]
    [InlineData("Acme/UPPER")]
    public void Missing_reserved_or_invalid_names_are_not_found(string fullName)
    {
        SeedCatalog();

        var page = Open(fullName);

        Assert.Equal("Repository not found", page.Find("h1").TextContent);
    }

    [Fact]
    public void Says_so_when_the_repository_cannot_be_read()
    {
        SeedCatalog();
        Reader.Failure = new TimeoutException();

        var page = Open("acme/web-server");

        Assert.Contains("could not be read", page.Markup);
    }

    [Theory]
    [InlineData("ACME/Web-Server")]
    [InlineData("acme/web-server/")]
    public void A_name_in_another_case_or_with_a_trailing_slash_shows_the_repository_at_its_own_url(string fullName)
    {
        SeedCatalog();

        var page = Open(fullName, tab: "usage");

        Assert.Equal("acme/web-server", page.Find("h1").TextContent);
        Assert.Equal("/acme/web-server?tab=image-tags", page.FindAll(".tabs a")[2].GetAttribute("href"));
    }
}
