using System.Text.RegularExpressions;

namespace Gallery.Indexer.Reading;

/// <summary>
/// Orders tags as versions, highest first: <c>v1.10.0</c> before <c>1.9</c>, a release before its pre-releases
/// (<c>2.0.0</c> before <c>2.0.0-rc.1</c>); tags that are not versions (<c>latest</c>, <c>edge</c>) come after, by name.
/// </summary>
public sealed partial class TagVersionComparer : IComparer<string>
{
    public static readonly TagVersionComparer HighestFirst = new();

    public int Compare(string? x, string? y)
    {
        var a = Parse(x ?? "");
        var b = Parse(y ?? "");
        if (a is null || b is null)
        {
            return a is null && b is null ? string.CompareOrdinal(x, y) : a is null ? 1 : -1;
        }

        for (var i = 0; i < Math.Max(a.Value.Numbers.Length, b.Value.Numbers.Length); i++)
        {
            var n = (i < b.Value.Numbers.Length ? b.Value.Numbers[i] : 0).CompareTo(i < a.Value.Numbers.Length ? a.Value.Numbers[i] : 0);
            if (n != 0)
            {
                return n;
            }
        }

        // Same numbers: the release (no suffix) first, then suffixes in descending order, then by full text.
        var (sa, sb) = (a.Value.Suffix, b.Value.Suffix);
        if (sa.Length == 0 || sb.Length == 0)
        {
            return sa.Length == sb.Length ? string.CompareOrdinal(x, y) : sa.Length == 0 ? -1 : 1;
        }

        var s = CompareSuffixes(sb, sa);
        return s != 0 ? s : string.CompareOrdinal(x, y);
    }

    /// <summary>
    /// SemVer precedence for pre-release parts: identifiers compared one by one, numbers numerically
    /// (<c>rc.10</c> after <c>rc.2</c>), numbers before words, and fewer identifiers first when all else is equal.
    /// </summary>
    private static int CompareSuffixes(string a, string b)
    {
        var left = a.TrimStart('-', '+', '_', '.').Split('.', '-', '_', '+');
        var right = b.TrimStart('-', '+', '_', '.').Split('.', '-', '_', '+');
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            var leftNumber = long.TryParse(left[i], out var l);
            var rightNumber = long.TryParse(right[i], out var r);
            var c = (leftNumber, rightNumber) switch
            {
                (true, true) => l.CompareTo(r),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(left[i], right[i]),
            };
            if (c != 0)
            {
                return c;
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    private static (long[] Numbers, string Suffix)? Parse(string tag)
    {
        var match = Version().Match(tag);
        if (!match.Success)
        {
            return null;
        }

        var numbers = match.Groups["numbers"].Value.Split('.').Select(p => long.TryParse(p, out var n) ? n : long.MaxValue).ToArray();
        return (numbers, match.Groups["suffix"].Value);
    }

    [GeneratedRegex(@"^[vV]?(?<numbers>\d{1,18}(?:\.\d{1,18}){0,3})(?<suffix>[-+_.].*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Version();
}
