using System.Text.RegularExpressions;

namespace Registry.Core.Repositories.Gallery;

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

        var s = string.CompareOrdinal(sb, sa);
        return s != 0 ? s : string.CompareOrdinal(x, y);
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
