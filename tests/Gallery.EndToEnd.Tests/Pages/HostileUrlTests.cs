using System.Net;

namespace Gallery.EndToEnd.Tests.Pages;

/// <summary>
/// Unusual and hostile URLs against the real host (routing, middleware, binding): each gets a page or a JSON
/// answer with a 200, 400 or 404, never a 500 or an error trace. Routing is the same on every database, so these
/// run on SQLite only.
/// </summary>
[Collection(SqliteGallery.Name)]
public sealed class HostileUrlTests(SqliteGalleryFixture fixture) : GalleryTest(fixture)
{
    public static TheoryData<string> Urls() =>
    [
        "search?searchTerm=*", "search?searchTerm=%22(%5B*%3F~%5E:%5C/regex/", "search?searchTerm=-",
        "search?searchTerm=nginx%20AND%20(redis%20OR%20name:x)", "search?searchTerm=%00%01%1F%7F", "search?searchTerm=%FF%FE%C0%AF",
        "search?searchTerm=%E2%80%AE%F0%9F%90%B3%E6%97%A5%E6%9C%AC%D7%A2%D7%91", "search?searchTerm=a&searchTerm=b",
        "search?searchTerm=" + new string('x', 6_000), "search?page=-1", "search?page=99999999999999999999", "search?page=abc",
        "search?page=1&page=2", "search?architecture=mips&operatingSystems=%00", "search?sort=99", "search?verified=%27",
        "search?publisher=..%2F..", "api/search?searchTerm=%FF", "api/search?searchTerm=" + new string('(', 6_000),
        "api/search?page=1000&pageSize=100", "tests", "TESTS", "tests/", "tests?page=-3&sort=%00", "tests/nothing-here",
        "tests/Nothing/Here/", "tests/a%2Fb", "tests/" + new string('a', 3_000), "_not-found", "favicon.ico",
    ];

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Answers_without_an_error(string url)
    {
        using var response = await Gallery.Client.GetAsync(Gallery.Url(url));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound });
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("api/")]
    [InlineData("api/nothing/here")]
    public async Task An_unknown_api_address_is_a_json_404(string url)
    {
        using var response = await Gallery.Client.GetAsync(Gallery.Url(url));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("_not-found")]
    [InlineData("assets/")]
    [InlineData("assets/..%2Fappsettings.json")]
    public async Task Internal_or_missing_addresses_are_404(string url)
    {
        using var response = await Gallery.Client.GetAsync(Gallery.Url(url));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
