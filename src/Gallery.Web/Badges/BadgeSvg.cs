using System.Globalization;
using System.Security;
using Gallery.Web.Feeds;

namespace Gallery.Web.Badges;

/// <summary>A small flat badge (label on grey, value on a colour), its text escaped and sized by an average glyph width.</summary>
public static class BadgeSvg
{
    public const string ContentType = "image/svg+xml; charset=utf-8";
    private const int MaxValueLength = 48;
    private const double GlyphWidth = 6.6;
    private const int Padding = 12;

    public static string Render(string label, string value, string color)
    {
        value = XmlText.Clean(value.Length > MaxValueLength ? value[..(MaxValueLength - 1)] + "…" : value);
        var labelWidth = Width(label);
        var valueWidth = Width(value);
        var total = labelWidth + valueWidth;
        var text = Escape($"{label}: {value}");
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="20" role="img" aria-label="{text}"><title>{text}</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="{total}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="{labelWidth}" height="20" fill="#555"/><rect x="{labelWidth}" width="{valueWidth}" height="20" fill="{color}"/><rect width="{total}" height="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11"><text x="{Half(0, labelWidth)}" y="14">{Escape(label)}</text><text x="{Half(labelWidth, valueWidth)}" y="14">{Escape(value)}</text></g></svg>
            """;
    }

    private static int Width(string text) => (int)Math.Ceiling(text.Length * GlyphWidth) + Padding;

    private static string Half(int start, int width) => (start + width / 2.0).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text) => SecurityElement.Escape(text);
}
