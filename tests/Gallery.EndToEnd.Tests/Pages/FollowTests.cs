using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Gallery.Testing;
using Gallery.Testing.OciLayouts;

namespace Gallery.EndToEnd.Tests.Pages;

/// <summary>
/// Following a repository on the running server: Atom feeds (valid XML, required elements, 304s), badges, the
/// daily pulls API and chart, 404s for what the gallery does not show, and hostile catalog text staying inert.
/// </summary>
public abstract class FollowTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Feeds_badges_and_pull_charts_follow_a_repository()
    {
        var name = "follow-" + Guid.NewGuid().ToString("N")[..8];
        var repository = $"{TestPublisher.Alias}/{name}";
        var (layout, _) = OciLayouts.SingleLayer(Temp.Sub("push"), repository, "1.2.0");
        await Skopeo.CopyAsync(References.Oci(layout.Directory, "1.2.0"), Docker(repository, "1.2.0"));
        await Skopeo.CopyAsync(Docker(repository, "1.2.0"), Docker(repository, "1.10.0"));
        await Skopeo.CopyAsync(Docker(repository, "1.2.0"), Docker(repository, "latest"));
        var catalog = Temp.Sub("catalog.json");
        await File.WriteAllTextAsync(catalog, JsonSerializer.Serialize(new { description = "Evil <script>alert(1)</script> ]]> &amp; \u0001 text" }));
        await new AwsCli(Gallery, Temp.Sub("home")).EcrPublicAsync("put-repository-catalog-data", "--repository-name", name, "--catalog-data", "file://" + catalog);
        using var visitor = new HttpClient(new HttpClientHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };

        // The repository's feed: valid Atom, newest first, each entry with its tag, digest and pull command.
        using var feedResponse = await visitor.GetAsync(Gallery.Url($"{repository}/feed.atom"));
        Assert.Equal(HttpStatusCode.OK, feedResponse.StatusCode);
        Assert.Equal("application/atom+xml", feedResponse.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await feedResponse.Content.ReadAsStringAsync()).Root!;
        AssertAtom(feed);
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(3, entries.Count);
        Assert.Contains(entries, e => e.Element(Atom + "title")!.Value == $"{repository}:1.10.0");
        Assert.All(entries, e => Assert.Contains($"docker pull {Gallery.Authority}/{repository}:", e.Element(Atom + "content")!.Value));
        Assert.All(entries, e => Assert.Contains("sha256:", e.Element(Atom + "content")!.Value));

        // Conditional GETs.
        using (var again = new HttpRequestMessage(HttpMethod.Get, Gallery.Url($"{repository}/feed.atom")))
        {
            again.Headers.IfNoneMatch.Add(feedResponse.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await visitor.SendAsync(again)).StatusCode);
        }

        using (var since = new HttpRequestMessage(HttpMethod.Get, Gallery.Url($"{repository}/feed.atom")))
        {
            since.Headers.IfModifiedSince = feedResponse.Content.Headers.LastModified;
            Assert.Equal(HttpStatusCode.NotModified, (await visitor.SendAsync(since)).StatusCode);
        }

        // The publisher's and the site's feeds; hostile description text is escaped, never markup.
        var publisherFeed = XDocument.Parse(await visitor.GetStringAsync(Gallery.Url($"{TestPublisher.Alias}/feed.atom"))).Root!;
        AssertAtom(publisherFeed);
        Assert.Contains(publisherFeed.Elements(Atom + "entry"), e => e.Element(Atom + "title")!.Value.StartsWith(repository + ":", StringComparison.Ordinal));
        var siteXml = await WaitForAsync(visitor, "feed.atom", xml => xml.Contains(repository, StringComparison.Ordinal));
        Assert.DoesNotContain("<script", siteXml);
        var site = XDocument.Parse(siteXml).Root!;
        AssertAtom(site);
        Assert.Contains(site.Elements(Atom + "entry"), e => e.Element(Atom + "content")!.Value.Contains("<script>alert(1)</script>", StringComparison.Ordinal));

        // Badges: semver-aware latest, XML, cache headers, ETag and 304.
        using var latest = await visitor.GetAsync(Gallery.Url($"badges/{repository}/latest.svg"));
        Assert.Equal(HttpStatusCode.OK, latest.StatusCode);
        Assert.Equal("image/svg+xml", latest.Content.Headers.ContentType?.MediaType);
        Assert.Contains("public", latest.Headers.CacheControl?.ToString());
        var svg = XDocument.Parse(await latest.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("version: 1.10.0", svg.Attribute("aria-label")?.Value);
        using (var cached = new HttpRequestMessage(HttpMethod.Get, Gallery.Url($"badges/{repository}/latest.svg")))
        {
            cached.Headers.IfNoneMatch.Add(latest.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await visitor.SendAsync(cached)).StatusCode);
        }

        foreach (var kind in new[] { "pulls", "size", "platforms" })
        {
            XDocument.Parse(await visitor.GetStringAsync(Gallery.Url($"badges/{repository}/{kind}.svg")));
        }

        Assert.Contains("linux/amd64", await visitor.GetStringAsync(Gallery.Url($"badges/{repository}/platforms.svg")));

        // Pulls by tag are counted per day (the counter flushes every 5 s).
        for (var i = 0; i < 2; i++)
        {
            using var pull = await GetManifestAsync(repository, "1.2.0");
            Assert.Equal(HttpStatusCode.OK, pull.StatusCode);
        }

        var pullsJson = await WaitForAsync(visitor, $"api/repositories/{repository}/pulls?days=7",
            json => JsonDocument.Parse(json).RootElement.GetProperty("days")[6].GetProperty("pulls").GetInt64() >= 2, TimeSpan.FromSeconds(15));
        var days = JsonDocument.Parse(pullsJson).RootElement.GetProperty("days");
        Assert.Equal(7, days.GetArrayLength());
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd"), days[6].GetProperty("date").GetString());
        var tagDays = JsonDocument.Parse(await visitor.GetStringAsync(Gallery.Url($"api/repositories/{repository}/pulls?days=1&tag=1.2.0"))).RootElement.GetProperty("days");
        // skopeo's copies from 1.2.0 read it too: at least the test's own two pulls, and never more than the repository's.
        Assert.InRange(tagDays[0].GetProperty("pulls").GetInt64(), 2, days[6].GetProperty("pulls").GetInt64());
        Assert.Equal(90, JsonDocument.Parse(await visitor.GetStringAsync(Gallery.Url($"api/repositories/{repository}/pulls"))).RootElement.GetProperty("days").GetArrayLength());
        foreach (var bad in new[] { "0", "366", "abc" })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await visitor.GetAsync(Gallery.Url($"api/repositories/{repository}/pulls?days={bad}"))).StatusCode);
        }

        // The repository page announces its feed and shows the chart (with a text alternative) and badge snippets.
        var page = await visitor.GetStringAsync(Gallery.Url(repository));
        // Blazor writes the attribute's "+" as "&#x2B;", which HTML reads as "+".
        Assert.Matches($"<link rel=\"alternate\" type=\"application/atom(\\+|&#x2B;)xml\"[^>]*href=\"[^\"]*/{repository}/feed.atom\"", page);
        Assert.Contains("class=\"pull-chart\"", page);
        Assert.Contains("Pulls per day, last 90 days", page);
        Assert.Contains($"/badges/{repository}/latest.svg", page);
    }

    [Theory]
    [InlineData("tests/no-such-repository/feed.atom")]
    [InlineData("no-such-publisher/feed.atom")]
    [InlineData("badges/tests/no-such-repository/latest.svg")]
    [InlineData("badges/tests/no-such-repository/pulls.svg")]
    [InlineData("badges/tests/x/unknown-kind.svg")]
    [InlineData("badges/tests")]
    [InlineData("api/repositories/tests/no-such-repository/pulls")]
    public async Task What_the_gallery_does_not_show_is_a_404(string path)
    {
        using var visitor = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await visitor.GetAsync(Gallery.Url(path));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static void AssertAtom(XElement feed)
    {
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated", "author" })
        {
            Assert.NotNull(feed.Element(Atom + required));
        }

        Assert.True(DateTimeOffset.TryParse(feed.Element(Atom + "updated")!.Value, out _));
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            foreach (var required in new[] { "id", "title", "updated", "link", "content" })
            {
                Assert.NotNull(entry.Element(Atom + required));
            }

            Assert.True(Uri.IsWellFormedUriString(entry.Element(Atom + "id")!.Value, UriKind.Absolute));
        }
    }

    private async Task<string> WaitForAsync(HttpClient client, string path, Func<string, bool> condition, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var text = await client.GetStringAsync(Gallery.Url(path));
            if (condition(text))
            {
                return text;
            }

            Assert.True(clock.Elapsed < (timeout ?? TimeSpan.FromSeconds(5)), $"{path} did not get there in time: {text}");
            await Task.Delay(100);
        }
    }
}

[Collection(SqliteGallery.Name)]
public sealed class SqliteFollowTests(SqliteGalleryFixture fixture) : FollowTests(fixture);

[Collection(PostgresGallery.Name)]
public sealed class PostgresFollowTests(PostgresGalleryFixture fixture) : FollowTests(fixture);
