using Ganss.Xss;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Gallery.Web.Markdown;

/// <summary>
/// The one markdown renderer (repository About and Usage, the console's preview): GitHub-flavoured markdown
/// (tables, task lists, autolinks, fenced code, strikethrough, and the inline HTML READMEs use, such as centred
/// logos, &lt;details&gt; and &lt;br&gt;) rendered by Markdig with headings one level down (the page title is the
/// only h1), then sanitised to what GitHub allows of that HTML. The output has
/// no script, no event handlers, no <c>javascript:</c> or <c>data:</c> links, no forms or frames, and no inline
/// styles or classes that could escape the box it is shown in. Thread-safe; register as a singleton.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly string[] Tags =
    [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "del", "s", "code", "pre", "kbd", "blockquote",
        "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "input", "sup", "sub", "span", "div",
        "details", "summary", "dl", "dt", "dd", "abbr", "mark", "small", "ins", "q", "cite", "figure", "figcaption",
    ];

    private static readonly string[] Attributes =
    [
        "href", "title", "src", "alt", "align", "width", "height", "type", "checked", "disabled", "start", "colspan", "rowspan", "id", "open",
    ];

    /// <summary>As on GitHub: the anchors of a README's headings cannot take the page's own ids.</summary>
    private const string UserContentPrefix = "user-content-";

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseTaskLists()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    /// <summary>Safe HTML for the markdown; empty for null or blank input.</summary>
    public string Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        string html;
        try
        {
            html = ToHtml(markdown);
        }
        catch (ArgumentException)
        {
            // Markdig refuses input nested deeper than it can handle (hundreds of '>' or '[' in a row): shown as plain text.
            return PlainText(markdown);
        }

        return _sanitizer.Sanitize(html);
    }

    private string ToHtml(string markdown)
    {
        // Headings move one level down: the page's own title is the only <h1>.
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + 1);
            if (heading.TryGetAttributes() is { Id: { } id } attributes)
            {
                attributes.Id = UserContentPrefix + id;
            }
        }

        return document.ToHtml(_pipeline);
    }

    private static string PlainText(string text) => $"<pre>{System.Net.WebUtility.HtmlEncode(text)}</pre>";

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement element)
            {
                if (element.LocalName == "a")
                {
                    // Links written by publishers leave the site without passing it credit or the opener.
                    element.SetAttribute("rel", "nofollow noopener noreferrer");
                }
                else if (element.LocalName == "input" && element.GetAttribute("type") != "checkbox")
                {
                    element.Remove();
                }
                else if (element.LocalName == "input")
                {
                    element.SetAttribute("disabled", "disabled");
                }

                // Only the renderer's own heading anchors keep an id, and in-page links point at them.
                if (element.GetAttribute("id") is { } id && !id.StartsWith(UserContentPrefix, StringComparison.Ordinal))
                {
                    element.RemoveAttribute("id");
                }

                if (element.LocalName == "a" && element.GetAttribute("href") is { Length: > 1 } href && href[0] == '#'
                    && !href.StartsWith("#" + UserContentPrefix, StringComparison.Ordinal))
                {
                    element.SetAttribute("href", "#" + UserContentPrefix + href[1..]);
                }
            }
        };
        // Inline HTML headings skip Markdig's demotion: an <h1> of a README (a centred title) becomes an <h2>, as the
        // page's own title is its only <h1>.
        sanitizer.PostProcessDom += (_, e) =>
        {
            foreach (var title in e.Document.QuerySelectorAll("h1").ToList())
            {
                var demoted = e.Document.CreateElement("h2");
                foreach (var attribute in title.Attributes.ToList())
                {
                    demoted.SetAttribute(attribute.Name, attribute.Value);
                }

                while (title.FirstChild is { } child)
                {
                    demoted.AppendChild(child);
                }

                title.Replace(demoted);
            }
        };
        return sanitizer;
    }
}
