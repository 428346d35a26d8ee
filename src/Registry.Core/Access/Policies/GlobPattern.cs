namespace Registry.Core.Access.Policies;

/// <summary>
/// An IAM wildcard pattern, compiled once: <c>*</c> matches any run of characters (including none, <c>/</c> and
/// <c>:</c>), <c>?</c> exactly one; everything else matches itself. Matching allocates nothing.
/// </summary>
internal sealed class GlobPattern
{
    private enum Shape { Literal, Anything, Prefix, General }

    private readonly Shape shape;
    private readonly string literal;
    private readonly StringComparison comparison;

    public GlobPattern(string pattern, bool ignoreCase)
    {
        Pattern = pattern;
        IgnoreCase = ignoreCase;
        comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var firstWildcard = pattern.AsSpan().IndexOfAny('*', '?');
        (shape, literal) = firstWildcard switch
        {
            < 0 => (Shape.Literal, pattern),
            _ when pattern.AsSpan().IndexOfAnyExcept('*') < 0 => (Shape.Anything, ""),
            _ when firstWildcard == pattern.Length - 1 && pattern[^1] == '*' => (Shape.Prefix, pattern[..^1]),
            _ => (Shape.General, pattern),
        };
    }

    public string Pattern { get; }

    public bool IgnoreCase { get; }

    public bool IsMatch(ReadOnlySpan<char> text) => shape switch
    {
        Shape.Literal => text.Equals(literal, comparison),
        Shape.Anything => true,
        Shape.Prefix => text.StartsWith(literal, comparison),
        _ => MatchGeneral(Pattern, text),
    };

    /// <summary>Greedy matching that backtracks only to the last <c>*</c>: O(pattern × text) at worst, no recursion.</summary>
    private bool MatchGeneral(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int p = 0, t = 0, star = -1, starText = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                starText = t;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || SameChar(pattern[p], text[t])))
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++starText;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private bool SameChar(char a, char b) =>
        a == b || (IgnoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
