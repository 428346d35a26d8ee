using System.Text.RegularExpressions;

namespace Gallery.Indexer.Search;

/// <summary>
/// The few pieces of search-engine syntax people type into a search box, recognised so that they do what was
/// meant instead of becoming words no repository has: <c>AND</c>/<c>&amp;&amp;</c>, <c>OR</c>/<c>||</c>,
/// <c>NOT</c>/<c>-word</c>/<c>!word</c>, a field prefix (<c>name:</c>) and a boost or edit distance (<c>^2</c>, <c>~1</c>).
/// Anything else is text.
/// </summary>
public static partial class QuerySyntax
{
    public static bool IsAnd(string typed) => typed is "AND" or "&&";

    public static bool IsOr(string typed) => typed is "OR" or "||";

    public static bool IsNot(string typed) => typed is "NOT";

    /// <summary><c>-word</c> or <c>!word</c>: a word to leave out (a lone <c>-</c> is nothing).</summary>
    public static bool IsNegated(string typed) => typed.Length > 1 && typed[0] is '-' or '!' && char.IsLetterOrDigit(typed[1]);

    /// <summary>The chunk without a leading field prefix or a trailing boost or edit distance.</summary>
    public static string Strip(string typed) => Suffix().Replace(FieldPrefix().Replace(typed, ""), "");

    [GeneratedRegex(@"^[-!+]?(?:name|title|description|publisher|alias|tag|tags|about|usage|repository|repo)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FieldPrefix();

    [GeneratedRegex(@"[\^~][0-9.]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Suffix();
}
