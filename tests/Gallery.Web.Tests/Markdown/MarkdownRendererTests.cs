using Gallery.Web.Markdown;

namespace Gallery.Web.Tests.Markdown;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void Renders_github_flavoured_markdown()
    {
        var html = _renderer.Render("""
            # Title

            | a | b |
            |---|---|
            | 1 | 2 |

            - [x] done
            - [ ] todo

            Visit https://example.com and ~~old~~ `code`.

            ```sh
            docker run it
            ```
            """);

        Assert.Contains("<h2 id=\"user-content-title\">Title</h2>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("<td>1</td>", html);
        Assert.Contains("type=\"checkbox\"", html);
        Assert.Contains("checked", html);
        Assert.Contains("<a href=\"https://example.com\" rel=\"nofollow noopener noreferrer\">https://example.com</a>", html);
        Assert.Contains("<del>old</del>", html);
        Assert.Contains("<code>code</code>", html);
        Assert.Contains("docker run it", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](&#106;avascript:alert(1))")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<div style=\"position:fixed;top:0;left:0;width:100%;height:100%\">cover</div>")]
    [InlineData("<style>body{display:none}</style>")]
    [InlineData("<form action=\"https://evil.example\"><input name=password></form>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<details open ontoggle=alert(1)>")]
    [InlineData("<a href=\"#\" onclick=\"alert(1)\">x</a>")]
    [InlineData("<object data=\"x.swf\"></object><embed src=\"x.swf\">")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">")]
    public void Dangerous_input_comes_out_inert(string markdown)
    {
        var html = _renderer.Render(markdown);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");
        var elements = document.Body!.QuerySelectorAll("*");

        Assert.All(elements, e =>
        {
            Assert.DoesNotContain(e.LocalName, new[] { "script", "style", "iframe", "form", "svg", "object", "embed", "meta", "link" });
            Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name is "style" or "class");
            foreach (var url in new[] { e.GetAttribute("href"), e.GetAttribute("src") }.OfType<string>())
            {
                Assert.Matches("^(https?:|mailto:|#|[^:]*$)", url.Trim().ToLowerInvariant());
            }
        });
    }

    [Fact]
    public void The_inline_html_of_a_github_readme_renders_as_it_does_there()
    {
        var html = _renderer.Render("""
            <p align="center"><img src="https://example.com/logo.png" width="200" height="80" alt="Logo"></p>

            <details><summary>Build options</summary>

            Run `make` with <kbd>-j4</kbd>.<br>Then <b>install</b>.

            </details>
            """);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");

        var logo = document.QuerySelector("p[align=center] > img")!;
        Assert.Equal(("https://example.com/logo.png", "200", "80", "Logo"), (logo.GetAttribute("src"), logo.GetAttribute("width"), logo.GetAttribute("height"), logo.GetAttribute("alt")));
        Assert.Equal("Build options", document.QuerySelector("details > summary")!.TextContent);
        Assert.Equal("-j4", document.QuerySelector("details kbd")!.TextContent);
        Assert.NotNull(document.QuerySelector("details br"));
        Assert.Equal("install", document.QuerySelector("details b")!.TextContent);
    }

    [Fact]
    public void Only_the_renderers_heading_anchors_keep_an_id_so_a_publisher_cannot_reuse_the_pages_own()
    {
        var html = _renderer.Render("## Usage\n\n<h2 id=\"content\">Raw</h2><div id=\"edit-repository\"><a id=\"Blazor\" href=\"#usage\">top</a></div>");
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");

        Assert.Equal("user-content-usage", document.QuerySelector("h3")!.Id);
        Assert.Null(document.QuerySelector("h2")!.GetAttribute("id"));
        Assert.Empty(document.QuerySelectorAll("div[id], a[id]"));
        Assert.Equal("#user-content-usage", document.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void An_inline_html_h1_becomes_an_h2_as_the_page_title_is_the_only_h1()
    {
        var html = _renderer.Render("<h1 align=\"center\">My <em>project</em></h1>\n\n# Markdown title");
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");

        Assert.Empty(document.QuerySelectorAll("h1"));
        var demoted = document.QuerySelectorAll("h2").First();
        Assert.Equal(("center", "My project", "project"), (demoted.GetAttribute("align"), demoted.TextContent, demoted.QuerySelector("em")!.TextContent));
    }

    [Theory]
    [InlineData('>', 300)]
    [InlineData('[', 10_000)]
    public void Markdown_nested_too_deep_to_parse_is_shown_as_plain_text(char repeated, int count)
    {
        var markdown = new string(repeated, count) + " <script>alert(1)</script>";

        var html = _renderer.Render(markdown);

        Assert.StartsWith("<pre>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Theory]
    [InlineData("- ")]
    [InlineData("1. ")]
    [InlineData("**")]
    [InlineData("| a ")]
    public void Any_deep_or_wide_markdown_renders_something(string unit) =>
        Assert.NotEmpty(_renderer.Render(string.Concat(Enumerable.Repeat(unit, 5_000)) + "x"));

    [Fact]
    public void Task_list_checkboxes_cannot_be_ticked()
    {
        var html = _renderer.Render("- [ ] todo");

        Assert.Contains("disabled", html);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n")]
    public void Nothing_renders_nothing(string? markdown) => Assert.Equal("", _renderer.Render(markdown));
}
