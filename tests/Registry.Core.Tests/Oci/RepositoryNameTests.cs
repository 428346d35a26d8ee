using CsCheck;
using Registry.Core.Oci;

namespace Registry.Core.Tests.Oci;

public class RepositoryNameTests
{
    private static readonly Gen<string> Component =
        Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"].Array[1, 8].Select(c => new string(c));

    private static readonly Gen<string> ValidAlias =
        Gen.Select(Gen.Char['a', 'z'], Component, Gen.OneOf("", ".", "_", "-"), Component)
            .Select((first, rest, separator, tail) => separator.Length == 0 ? first + rest : $"{first}{rest}{separator}{tail}")
            .Where(a => a.Length <= RepositoryName.MaxAliasLength);

    private static readonly Gen<string> ValidName =
        Gen.Select(Component, Gen.OneOf("/", "-", ".", "_"), Component)
            .Select((a, separator, b) => a + separator + b);

    [Fact]
    public void Generated_valid_names_parse_into_alias_and_name() =>
        Gen.Select(ValidAlias, ValidName).Sample((alias, name) =>
        {
            Assert.True(RepositoryName.TryParse($"{alias}/{name}", out var parsed, out var error), error);
            Assert.Equal(alias, parsed.Alias);
            Assert.Equal(name, parsed.Name);
        });

    [Fact]
    public void Arbitrary_text_is_accepted_only_when_it_matches_the_grammar() =>
        Gen.String.Sample(text =>
        {
            if (RepositoryName.TryParse(text, out var parsed, out var error))
            {
                Assert.Equal(text, parsed.FullName);
                Assert.DoesNotContain("..", text);
                Assert.DoesNotContain("//", text);
                Assert.Equal(text.ToLowerInvariant(), text);
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(error));
            }
        });

    [Theory]
    [InlineData("library", "no registry alias")]
    [InlineData("a/name", "2 to 50 characters")]
    [InlineData("1abc/name", "must start with a lowercase letter")]
    [InlineData("abc/Name", "may contain only")]
    [InlineData("abc/x", "2 to 205 characters")]
    [InlineData("abc/name/", "may contain only")]
    [InlineData("abc//name", "may contain only")]
    [InlineData("abc/na..me", "may contain only")]
    [InlineData("abc/../name", "may contain only")]
    public void Invalid_names_say_what_is_wrong(string text, string expected)
    {
        Assert.False(RepositoryName.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Length_limits_are_those_of_ecr_public()
    {
        Assert.True(RepositoryName.TryParse($"{new string('a', 50)}/{new string('b', 205)}", out _, out _));
        Assert.False(RepositoryName.TryParse($"{new string('a', 51)}/bb", out _, out _));
        Assert.False(RepositoryName.TryParse($"aa/{new string('b', 206)}", out _, out _));
    }

    [Theory]
    [InlineData("latest", true)]
    [InlineData("v1.2.3-rc_1", true)]
    [InlineData("_underscore", true)]
    [InlineData(".dot", false)]
    [InlineData("-dash", false)]
    [InlineData("has space", false)]
    [InlineData("", false)]
    public void Tags_follow_the_oci_grammar(string tag, bool valid) => Assert.Equal(valid, TagName.IsValid(tag, out _));

    [Fact]
    public void Tags_are_at_most_128_characters()
    {
        Assert.True(TagName.IsValid(new string('a', 128), out _));
        Assert.False(TagName.IsValid(new string('a', 129), out _));
    }
}
