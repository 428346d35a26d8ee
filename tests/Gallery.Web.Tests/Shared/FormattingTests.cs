using Gallery.Indexer.Search;
using Gallery.Web.Components.Pages.Search;
using Gallery.Web.Components.Shared;
using Gallery.Indexer.Reading;

namespace Gallery.Web.Tests.Shared;

public sealed class FormattingTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(1_234, "1.2K")]
    [InlineData(56_789, "56.8K")]
    [InlineData(456_789, "457K")]
    [InlineData(3_400_000, "3.4M")]
    [InlineData(5_600_000_000, "5.6B")]
    public void Counts_are_rounded(long value, string expected) => Assert.Equal(expected, Format.Count(value));

    [Theory]
    [InlineData(512, "512 B")]
    [InlineData(2048, "2 KB")]
    [InlineData(12_345_678, "11.8 MB")]
    [InlineData(3L * 1024 * 1024 * 1024, "3 GB")]
    public void Sizes_are_binary(long bytes, string expected) => Assert.Equal(expected, Format.Size(bytes));

    [Fact]
    public void Times_are_relative_then_dates()
    {
        var now = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal("just now", Format.Ago(now.AddSeconds(-5), now));
        Assert.Equal("1 minute ago", Format.Ago(now.AddMinutes(-1), now));
        Assert.Equal("5 hours ago", Format.Ago(now.AddHours(-5), now));
        Assert.Equal("3 days ago", Format.Ago(now.AddDays(-3), now));
        Assert.Equal("2025-12-01", Format.Ago(new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc), now));
    }

    [Fact]
    public void Short_digests_keep_twelve_hex_digits() =>
        Assert.Equal("sha256:0123456789ab", Format.ShortDigest("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));

    [Theory]
    [InlineData("acme/web:1.2", "acme/web", "1.2", null)]
    [InlineData("acme/a/b/c:latest", "acme/a/b/c", "latest", null)]
    [InlineData("localhost:5000/acme/web:v1", "acme/web", "v1", null)]
    [InlineData("registry.example.com/acme/web:v1", "acme/web", "v1", null)]
    [InlineData("public.ecr.aws/acme/web", "acme/web", null, null)]
    [InlineData("docker pull localhost:5000/acme/web:v1", "acme/web", "v1", null)]
    [InlineData("  Podman  pull acme/web:v1", "acme/web", "v1", null)]
    [InlineData("acme/web@sha256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "acme/web", null, "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", null, null, "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")]
    public void Pasted_references_are_recognised(string text, string? fullName, string? tag, string? digest) =>
        Assert.Equal(new ImageReference(fullName, tag, digest), ImageReference.Parse(text));

    [Theory]
    [InlineData("nginx")]
    [InlineData("acme/web")]
    [InlineData("docker pull nginx")]
    [InlineData("web server")]
    [InlineData("sha256:short")]
    [InlineData("")]
    public void Plain_text_is_not_a_reference(string text) => Assert.Null(ImageReference.Parse(text));

    [Fact]
    public void Search_state_round_trips_through_its_url()
    {
        var state = new SearchState("web", ["ARM 64"], ["Linux"], true, "acme", SearchSort.LastPushed, 3);

        Assert.Equal("/search?searchTerm=web&architecture=ARM%2064&operatingSystems=Linux&verified=verified&publisher=acme&sort=lastPushed&page=3", state.Url());
        Assert.Equal("/search?searchTerm=web&operatingSystems=Linux&verified=verified&publisher=acme&sort=lastPushed", state.ToggleArchitecture("ARM 64").Url());
        Assert.Equal("/search?searchTerm=web&sort=lastPushed", state.WithoutFilters().Url());
        Assert.Equal(SearchSort.LastPushed, SearchState.ParseSort("lastpushed"));
        Assert.True(SearchState.ParseVerified("verified"));
        Assert.False(SearchState.ParseVerified("no"));
    }

    [Fact]
    public void Versions_sort_highest_first_then_other_names()
    {
        string[] tags = ["latest", "1.9", "1.10.0", "v2.0.0", "2.0.0-rc.2", "edge", "0.1", "2.0.0-beta"];

        var sorted = tags.Order(TagVersionComparer.HighestFirst).ToList();

        Assert.Equal(["v2.0.0", "2.0.0-rc.2", "2.0.0-beta", "1.10.0", "1.9", "0.1", "edge", "latest"], sorted);
    }

    [Fact]
    public void Pre_releases_follow_semver_precedence()
    {
        string[] tags = ["1.0.0-rc.2", "1.0.0-alpha", "1.0.0-rc.10", "1.0.0-alpha.1", "1.0.0-beta.11", "1.0.0-beta.2", "1.0.0"];

        var sorted = tags.Order(TagVersionComparer.HighestFirst).ToList();

        Assert.Equal(["1.0.0", "1.0.0-rc.10", "1.0.0-rc.2", "1.0.0-beta.11", "1.0.0-beta.2", "1.0.0-alpha.1", "1.0.0-alpha"], sorted);
    }
}
