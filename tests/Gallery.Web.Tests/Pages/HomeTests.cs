using Gallery.Web.Components.Pages.Home;

namespace Gallery.Web.Tests.Pages;

public sealed class HomeTests : GalleryTestContext
{
    [Fact]
    public void An_empty_gallery_explains_how_to_push_a_first_image()
    {
        var page = Render<Home>();

        Assert.Contains("No images yet", page.Markup);
        Assert.Contains("Gallery__Bootstrap__Alias=demo", page.Markup);
        Assert.Contains("skopeo copy", page.Markup);
        Assert.Contains("docker push", page.Markup);
        Assert.Contains("aws ecr-public create-repository", page.Markup);
        Assert.Empty(page.FindAll("article.repo-card"));
    }

    [Fact]
    public void Lists_popular_and_recent_repositories_verified_publishers_and_totals()
    {
        SeedCatalog();

        var page = Render<Home>();

        var popular = page.Find("section[aria-labelledby=popular-title]");
        var names = popular.QuerySelectorAll("h3 a").Select(a => a.TextContent).ToList();
        Assert.Equal(["acme/web-server", "acme/tools/cli", "bob/hello"], names);
        Assert.NotNull(page.Find("section[aria-labelledby=recent-title]"));
        Assert.Contains("Acme Corp", page.Find("section[aria-labelledby=publishers-title]").TextContent);
        Assert.DoesNotContain("bob", page.Find("section[aria-labelledby=publishers-title]").TextContent);
        Assert.Contains("3", page.Find(".totals").TextContent);
        Assert.Contains("5K pulls", page.Find(".totals").TextContent);
    }

    [Fact]
    public void Shows_a_loading_state_until_the_gallery_is_read()
    {
        SeedCatalog();
        Reader.TotalsGate = new TaskCompletionSource();

        var page = Render<Home>();
        Assert.NotNull(page.Find("[role=status].loading"));

        Reader.TotalsGate.SetResult();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("article.repo-card")));
        Assert.Empty(page.FindAll(".loading"));
    }

    [Fact]
    public void Says_so_when_the_gallery_cannot_be_read()
    {
        Reader.Failure = new InvalidOperationException("database down");

        var page = Render<Home>();

        Assert.Contains("could not be read", page.Markup);
        Assert.DoesNotContain("database down", page.Markup);
    }

    [Fact]
    public void The_search_box_submits_to_search_and_is_labelled()
    {
        var page = Render<Home>();

        var form = page.Find("form.hero-search");
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        var input = form.QuerySelector("input[name=searchTerm]")!;
        Assert.NotNull(page.Find($"label[for={input.Id}]"));
        Assert.Equal("/", input.GetAttribute("aria-keyshortcuts"));
    }
}
