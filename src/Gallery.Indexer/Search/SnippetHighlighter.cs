using System.Net;
using System.Text;
using Gallery.Indexer.Documents;
using Lucene.Net.Analysis.TokenAttributes;

namespace Gallery.Indexer.Search;

/// <summary>
/// Marks the words of a text that the query matched (exactly, as a prefix of the last word, or within the typos
/// tolerated), HTML-escaped with <c>&lt;mark&gt;</c> around each match, cut to a window around the first match.
/// </summary>
public sealed class SnippetHighlighter
{
    public const int SnippetLength = 200;

    private readonly List<string> _terms;
    private readonly string? _lastPrefix;

    public SnippetHighlighter(QueryText text)
    {
        _terms = text.Words.SelectMany(w => QueryText.Analyze(GalleryAnalyzers.Text, IndexFields.Description, w).Append(w)).Distinct().ToList();
        _lastPrefix = text.Words.Count > 0 && text.Words[^1].Length >= 2 ? text.Words[^1] : null;
    }

    public string Highlight(string text, int maxLength = int.MaxValue)
    {
        var matches = Matches(text);
        var (start, end) = Window(text.Length, matches, maxLength);
        var html = new StringBuilder();
        if (start > 0)
        {
            html.Append('…');
        }

        var at = start;
        foreach (var (from, to) in matches.Where(m => m.From >= start && m.To <= end))
        {
            html.Append(WebUtility.HtmlEncode(text[at..from])).Append("<mark>").Append(WebUtility.HtmlEncode(text[from..to])).Append("</mark>");
            at = to;
        }

        html.Append(WebUtility.HtmlEncode(text[at..end]));
        if (end < text.Length)
        {
            html.Append('…');
        }

        return html.ToString();
    }

    /// <summary>The words of <paramref name="text"/> the query matched, lower-cased as written there.</summary>
    public IEnumerable<string> MatchedWords(string text) => Matches(text).Select(m => text[m.From..m.To].ToLowerInvariant());

    private List<(int From, int To)> Matches(string text)
    {
        var matches = new List<(int, int)>();
        if (_terms.Count == 0)
        {
            return matches;
        }

        using var stream = GalleryAnalyzers.Text.GetTokenStream(IndexFields.Description, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var token = term.ToString();
            if (_terms.Any(t => IsMatch(t, token)) || (_lastPrefix is not null && token.StartsWith(_lastPrefix, StringComparison.Ordinal)))
            {
                matches.Add((offset.StartOffset, offset.EndOffset));
            }
        }

        stream.End();
        return matches;
    }

    private static bool IsMatch(string queryTerm, string token) =>
        queryTerm == token || (SearchQuery.Typos(queryTerm) is var edits and > 0 && Math.Abs(queryTerm.Length - token.Length) <= edits
            && queryTerm[0] == token[0] && EditDistance.Between(queryTerm, token) <= edits);

    private static (int Start, int End) Window(int length, List<(int From, int To)> matches, int maxLength)
    {
        if (length <= maxLength)
        {
            return (0, length);
        }

        var start = matches.Count == 0 ? 0 : Math.Max(0, matches[0].From - maxLength / 4);
        return (start, Math.Min(length, start + maxLength));
    }
}
