using System.Diagnostics;
using Gallery.Testing;
using Gallery.Testing.OciLayouts;

namespace Gallery.EndToEnd.Tests.Pages;

/// <summary>
/// Anonymous visitors get the public pages from the page cache: no cookie, the same bytes, and never a page older
/// than the registry's last change once the index has it.
/// </summary>
public abstract class PageCacheTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    [Fact]
    public async Task A_public_page_is_served_again_from_the_cache_without_a_cookie()
    {
        using var visitor = NewVisitor();
        using var first = await visitor.GetAsync(Gallery.Url("search?searchTerm=cache-check"));
        using var second = await visitor.GetAsync(Gallery.Url("search?searchTerm=cache-check"));

        Assert.False(first.Headers.Contains("Set-Cookie"), "a public page must not set cookies for anonymous visitors");
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Blazors_enhanced_navigation_gets_a_fresh_framed_response_that_allows_it()
    {
        using var visitor = NewVisitor();
        var url = Gallery.Url("search?searchTerm=enhanced-check");
        using (await visitor.GetAsync(url))
        {
        }

        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
            using var enhanced = await visitor.SendAsync(request);
            Assert.True(enhanced.Headers.Contains("ssr-framing"), "an enhanced navigation must get a response framed for it");
            Assert.Equal("allow", Assert.Single(enhanced.Headers.GetValues("blazor-enhanced-nav")));
        }
    }

    [Fact]
    public async Task A_cached_search_page_shows_a_new_push_as_soon_as_the_index_does()
    {
        var name = "cache-" + Guid.NewGuid().ToString("N")[..8];
        var repository = $"{TestPublisher.Alias}/{name}";
        var url = Gallery.Url($"search?searchTerm={name}");
        using var visitor = NewVisitor();
        Assert.DoesNotContain($"href=\"/{repository}\"", await visitor.GetStringAsync(url));

        var (layout, _) = OciLayouts.SingleLayer(Temp.Sub("push"), repository, "1.0");
        await Skopeo.CopyAsync(References.Oci(layout.Directory, "1.0"), Docker(repository, "1.0"));

        var waited = Stopwatch.StartNew();
        while (!(await visitor.GetStringAsync(url)).Contains($"href=\"/{repository}\"", StringComparison.Ordinal))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(5), $"the search page did not show {repository} within 5 s of the push");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task The_console_still_sets_its_antiforgery_cookie()
    {
        using var visitor = NewVisitor();
        using var response = await visitor.GetAsync(Gallery.Url("console/signin"));

        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
    }

    /// <summary>A visitor that keeps no cookies, so every request is a first-time anonymous one.</summary>
    private static HttpClient NewVisitor() => new(new HttpClientHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
}

[Collection(SqliteGallery.Name)]
public sealed class SqlitePageCacheTests(SqliteGalleryFixture fixture) : PageCacheTests(fixture);

[Collection(PostgresGallery.Name)]
public sealed class PostgresPageCacheTests(PostgresGalleryFixture fixture) : PageCacheTests(fixture);
