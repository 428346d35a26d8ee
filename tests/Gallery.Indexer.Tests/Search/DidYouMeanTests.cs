using Gallery.Indexer.Search;

namespace Gallery.Indexer.Tests.Search;

/// <summary>"Did you mean …" when a likely typo finds little; nothing offered for words the catalog has.</summary>
[Collection(SqliteCatalogCollection.Name)]
public sealed class DidYouMeanTests(SqliteCatalogFixture fixture)
{
    [Theory]
    [InlineData("terrafrom", "terraform")]
    [InlineData("hashicorp terrafrom", "hashicorp terraform")]
    [InlineData("karpentre", "karpenter")]
    public void A_misspelled_word_that_finds_little_is_corrected(string text, string expected) =>
        Assert.Equal(expected, fixture.Host.Search.Search(new SearchRequest { Text = text }).DidYouMean);

    [Theory]
    [InlineData("terraform")]
    [InlineData("ngnix")]
    [InlineData("xyzzyplugh")]
    public void Nothing_is_offered_for_known_words_many_hits_or_nothing_close(string text) =>
        Assert.Null(fixture.Host.Search.Search(new SearchRequest { Text = text }).DidYouMean);
}

/// <summary>Answers carry what a card shows once: no score or creation time, highlights only where marked.</summary>
[Collection(SqliteCatalogCollection.Name)]
public sealed class LeanAnswerTests(SqliteCatalogFixture fixture)
{
    [Fact]
    public async Task A_hit_sends_its_description_once_and_no_unmarked_highlights()
    {
        var body = await fixture.Host.Client.GetStringAsync("/api/search?searchTerm=fastest%20redis&pageSize=3");
        using var json = System.Text.Json.JsonDocument.Parse(body);
        var redis = json.RootElement.GetProperty("hits")[0];

        Assert.False(redis.TryGetProperty("score", out _));
        Assert.False(redis.TryGetProperty("createdAt", out _));
        Assert.False(redis.TryGetProperty("description", out _));
        Assert.Contains("<mark>fastest</mark>", redis.GetProperty("highlights").GetProperty("description").GetString());
        Assert.Equal(1, CountOf(body, "data platform"));
        Assert.DoesNotContain("null", body);
    }

    [Fact]
    public async Task A_hit_sends_its_full_name_once_with_the_matches_as_offsets_and_no_empty_highlights()
    {
        var body = await fixture.Host.Client.GetStringAsync("/api/search?searchTerm=redis&pageSize=3");
        using var json = System.Text.Json.JsonDocument.Parse(body);
        var redis = json.RootElement.GetProperty("hits")[0];
        var name = redis.GetProperty("fullName").GetString()!;

        Assert.Equal(1, CountOf(body, name));
        var match = redis.GetProperty("highlights").GetProperty("fullName")[0];
        Assert.Equal("redis", name[match[0].GetInt32()..match[1].GetInt32()]);
        var everything = await fixture.Host.Client.GetStringAsync("/api/search?pageSize=10");
        Assert.DoesNotContain("highlights", everything);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
