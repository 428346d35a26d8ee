using System.Text.RegularExpressions;
using CsCheck;
using Registry.Core.Access.Policies;

namespace Registry.Core.Tests.Access.Policies;

public class GlobPatternTests
{
    [Theory]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    [InlineData("*", "", true)]
    [InlineData("**", "a:b/c", true)]
    [InlineData("a*", "abc", true)]
    [InlineData("a*", "ba", false)]
    [InlineData("*c", "abc", true)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "ac", false)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXbYbZ", false)]
    [InlineData("*a*a*a*b", "aaaaaaaaaaaaaaaaaaaa", false)]
    [InlineData("a\\*", "a\\bc", true)]
    [InlineData("?", "*", true)]
    [InlineData("*", "\n", true)]
    public void Wildcards_match_as_in_iam(string pattern, string text, bool expected) =>
        Assert.Equal(expected, new GlobPattern(pattern, ignoreCase: false).IsMatch(text));

    [Fact]
    public void Case_is_ignored_only_when_asked()
    {
        Assert.True(new GlobPattern("ecr-public:Put*", ignoreCase: true).IsMatch("ECR-PUBLIC:putimage"));
        Assert.False(new GlobPattern("ecr-public:Put*", ignoreCase: false).IsMatch("ECR-PUBLIC:putimage"));
        Assert.True(new GlobPattern("a?C", ignoreCase: true).IsMatch("AbC"));
        Assert.False(new GlobPattern("a?C", ignoreCase: false).IsMatch("Abc"));
    }

    [Fact]
    public void The_matcher_agrees_with_a_regular_expression_on_random_patterns() =>
        Gen.Select(Gen.Char["aAbB*?:/"].Array[0, 10], Gen.Char["aAbB:/*?"].Array[0, 14], Gen.Bool)
            .Sample((pattern, text, ignoreCase) =>
            {
                var p = new string(pattern);
                var t = new string(text);
                Assert.Equal(Reference(p, ignoreCase).IsMatch(t), new GlobPattern(p, ignoreCase).IsMatch(t));
            }, iter: 20_000);

    [Fact]
    public void A_pattern_without_wildcards_matches_only_itself() =>
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 0, 12], Gen.String[Gen.Char.AlphaNumeric, 0, 12])
            .Sample((pattern, text) => Assert.Equal(pattern == text, new GlobPattern(pattern, ignoreCase: false).IsMatch(text)));

    private static Regex Reference(string pattern, bool ignoreCase) =>
        new("\\A" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "\\z",
            RegexOptions.Singleline | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None));
}
