using Gallery.Web.Components.Layout;
using Gallery.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Gallery.Web.Tests.Shared;

public sealed class SharedComponentTests : GalleryTestContext
{
    [Fact]
    public void The_layout_has_landmarks_a_skip_link_a_labelled_search_and_a_theme_switch()
    {
        var page = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p>body</p>"))));

        Assert.NotNull(page.Find("header[role=banner]"));
        Assert.NotNull(page.Find("nav[aria-label=Main]"));
        Assert.Equal("body", page.Find("main#content p").TextContent);
        Assert.NotNull(page.Find("footer[role=contentinfo]"));
        Assert.EndsWith("#content", page.Find("a.skip-link").GetAttribute("href"));
        var input = page.Find("form[role=search] input[name=searchTerm]");
        Assert.NotNull(page.Find($"label[for={input.Id}]"));
        Assert.Equal("dark", page.Find("[data-theme-toggle]").GetAttribute("data-theme-toggle"));
    }

    [Fact]
    public void The_header_search_is_a_combobox_owning_its_suggestion_listbox()
    {
        var search = Render<HeaderSearch>();

        var input = search.Find("input[name=searchTerm]");
        Assert.Equal("combobox", input.GetAttribute("role"));
        Assert.Equal("false", input.GetAttribute("aria-expanded"));
        Assert.Equal("list", input.GetAttribute("aria-autocomplete"));
        Assert.Equal("off", input.GetAttribute("autocomplete"));
        var list = search.Find($"#{input.GetAttribute("aria-controls")}");
        Assert.Equal("listbox", list.GetAttribute("role"));
        Assert.Equal(input.GetAttribute("data-suggest"), list.Id);
        Assert.NotNull(list.GetAttribute("aria-label"));
        Assert.True(list.HasAttribute("hidden"));
    }

    [Fact]
    public void A_card_shows_a_long_name_whole_and_escapes_descriptions()
    {
        var name = "acme/" + new string('n', 200);
        var card = Render<RepositoryCard>(p => p.Add(x => x.Hit, FakeGallerySearch.Hit(name, "<script>alert(1)</script>")));

        Assert.Equal(name, card.Find("h3 a").TextContent);
        Assert.Empty(card.FindAll("script"));
        Assert.Contains("<script>", card.Find(".repo-card-description").TextContent);
        Assert.Equal("/assets/default-logo.svg", card.Find("img.logo").GetAttribute("src"));
        Assert.Equal("", card.Find("img.logo").GetAttribute("alt"));
    }

    [Fact]
    public void A_card_shows_signed_sbom_helm_and_the_package_versions_found_as_inert_text()
    {
        var hit = FakeGallerySearch.Hit("acme/app", "An app") with
        {
            Signed = true,
            Sbom = true,
            Type = "helm",
            Packages = [new Gallery.Indexer.Search.PackageMatch("<b>zlib</b>", "1.2.13", ["latest", "1.0"])],
        };

        var card = Render<RepositoryCard>(p => p.Add(x => x.Hit, hit));

        Assert.Equal("Signed", card.Find(".supply-badge.signed").TextContent.Trim());
        Assert.Equal("SBOM", card.Find(".supply-badge.sbom").TextContent.Trim());
        Assert.Contains("Helm chart", card.Find(".kind-badge").TextContent);
        Assert.Equal("<b>zlib</b> 1.2.13 in latest, 1.0", card.Find(".package-matches li").TextContent);
        Assert.Empty(card.FindAll(".package-matches b"));
    }

    [Fact]
    public void A_plain_card_has_no_supply_chain_badges()
    {
        var card = Render<RepositoryCard>(p => p.Add(x => x.Hit, FakeGallerySearch.Hit("acme/plain", "Plain")));

        Assert.Empty(card.FindAll(".supply-badge"));
        Assert.Empty(card.FindAll(".kind-badge"));
        Assert.Empty(card.FindAll(".package-matches"));
    }

    [Fact]
    public void A_logo_with_a_digest_is_served_by_the_logo_endpoint()
    {
        var logo = Render<Logo>(p => p.Add(x => x.Digest, "sha256:abc").Add(x => x.Size, "large"));

        Assert.Equal("/api/logos/sha256:abc", logo.Find("img").GetAttribute("src"));
        Assert.Equal("72", logo.Find("img").GetAttribute("width"));
    }

    [Fact]
    public void The_copy_button_carries_its_text_and_an_accessible_name()
    {
        var button = Render<CopyButton>(p => p.Add(x => x.Text, "docker pull a/b:c").Add(x => x.Label, "Copy pull command"));

        Assert.Equal("docker pull a/b:c", button.Find("button").GetAttribute("data-copy"));
        Assert.Equal("Copy pull command", button.Find("button").GetAttribute("aria-label"));
        Assert.Equal("button", button.Find("button").GetAttribute("type"));
    }

    [Theory]
    [InlineData(1, 1, "")]
    [InlineData(1, 3, "[1] 2 3 Next")]
    [InlineData(5, 20, "Previous 1 … 3 4 [5] 6 7 … 20 Next")]
    [InlineData(20, 20, "Previous 1 … 18 19 [20]")]
    public void The_pager_shows_first_last_and_neighbours(int current, int count, string expected)
    {
        var pager = Render<Pager>(p => p.Add(x => x.Page, current).Add(x => x.PageCount, count).Add(x => x.Href, n => $"/p{n}"));

        var shown = string.Join(' ', pager.FindAll("nav > *").Select(e => e.GetAttribute("aria-current") == "page" ? $"[{e.TextContent}]" : e.TextContent));
        Assert.Equal(expected, shown);
    }

    [Fact]
    public void Loading_cards_announce_themselves()
    {
        var loading = Render<LoadingCards>(p => p.Add(x => x.Count, 2));

        Assert.Equal("Loading…", loading.Find("[role=status] .visually-hidden").TextContent);
    }

    [Fact]
    public void Not_found_explains_and_links_home()
    {
        var state = Render<NotFoundState>(p => p.Add(x => x.Title, "Gone").Add(x => x.Message, "Nothing here."));

        Assert.Equal("Gone", state.Find("h1").TextContent);
        Assert.Contains("Nothing here.", state.Markup);
        Assert.NotNull(state.Find("a[href='/']"));
    }

    [Fact]
    public void Markdown_view_renders_sanitised_html()
    {
        var view = Render<MarkdownView>(p => p.Add(x => x.Text, "**bold** <script>alert(1)</script>"));

        Assert.Equal("bold", view.Find(".markdown strong").TextContent);
        Assert.Empty(view.FindAll("script"));
    }
}
