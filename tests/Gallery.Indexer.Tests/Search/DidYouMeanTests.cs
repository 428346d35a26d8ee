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

/// <summary>Answers carry what a card shows once: no score or creation time, and the words to mark once per answer.</summary>
[Collection(SqliteCatalogCollection.Name)]
public sealed class LeanAnswerTests(SqliteCatalogFixture fixture)
{
    [Fact]
    public async Task A_hit_sends_its_texts_once_plain_and_the_answer_the_words_to_mark()
    {
        var body = await fixture.Host.Client.GetStringAsync("/api/search?searchTerm=fastest%20redis&pageSize=3");
        using var json = System.Text.Json.JsonDocument.Parse(body);
        var redis = json.RootElement.GetProperty("hits")[0];

        Assert.False(redis.TryGetProperty("score", out _));
        Assert.False(redis.TryGetProperty("createdAt", out _));
        Assert.False(redis.TryGetProperty("highlights", out _));
        Assert.Equal(1, CountOf(body, redis.GetProperty("fullName").GetString()!));
        Assert.Equal(1, CountOf(body, "data platform"));
        Assert.DoesNotContain("<mark>", body);
        Assert.Equal(["fastest", "redis"], json.RootElement.GetProperty("marks").EnumerateArray().Select(m => m.GetString()));
        Assert.DoesNotContain("null", body);
    }

    [Fact]
    public async Task An_answer_with_nothing_to_mark_has_no_marks()
    {
        var everything = await fixture.Host.Client.GetStringAsync("/api/search?pageSize=10");

        Assert.DoesNotContain("\"marks\"", everything);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
