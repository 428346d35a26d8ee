using System.Text.RegularExpressions;
using Gallery.Testing;
using Gallery.Testing.OciLayouts;
using Microsoft.Playwright;

namespace Gallery.EndToEnd.Tests.Pages;

/// <summary>
/// The public pages in a real browser against the real server: push with skopeo, find the image by search, filter
/// with a facet chip, open it, switch tabs, copy the pull command, follow the publisher, back and forward, the
/// "/" shortcut, a phone-sized screen, and a markdown XSS payload that stays inert.
/// </summary>
public abstract class GalleryPagesTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    private string Provider => Gallery.Database.Provider.ToString().ToLowerInvariant();

    private AwsCli Aws => new(Gallery, Temp.Sub("home"));

    [Fact]
    public async Task Find_filter_open_and_navigate_a_pushed_image()
    {
        var name = "pages-" + Guid.NewGuid().ToString("N")[..8];
        var repository = $"{TestPublisher.Alias}/{name}";
        var (layout, index) = OciLayouts.MultiPlatform(Temp.Sub("push"), repository, "1.0.0");
        await Skopeo.CopyAsync(References.Oci(layout.Directory, "1.0.0"), Docker(repository, "1.0.0"), all: true);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(Gallery.BaseAddress);
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        // Home: "/" focuses the search box; searching finds the new repository within seconds.
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("/");
        Assert.Equal("home-search-input", await page.EvaluateAsync<string>("document.activeElement.id"));
        await Browser.ScreenshotAsync(page, $"{Provider}-home");
        await SearchUntilFoundAsync(page, name, repository);
        await Browser.ScreenshotAsync(page, $"{Provider}-search");

        // A facet chip filters by architecture; the filter lives in the URL.
        await page.Locator(".facets a", new() { HasTextString = "ARM 64" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("architecture=ARM%2064"));
        await Assertions.Expect(page.Locator($"article a[href='/{repository}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".facets a[aria-current=true]")).ToContainTextAsync("ARM 64");
        await Browser.ScreenshotAsync(page, $"{Provider}-search-filtered");

        // The repository page: header, pull command, About tab.
        await page.Locator($"article a[href='/{repository}']").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/{Regex.Escape(repository)}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(repository);
        await Assertions.Expect(page.Locator(".tabs [aria-current=page]")).ToHaveTextAsync("About");
        await Browser.ScreenshotAsync(page, $"{Provider}-repository-about");

        // Copy the pull command.
        var command = $"docker pull {Gallery.Authority}/{repository}:1.0.0";
        await Assertions.Expect(page.Locator(".pull-command code")).ToHaveTextAsync(command);
        await page.Locator(".pull-command button[data-copy]").ClickAsync();
        await Assertions.Expect(page.Locator(".pull-command .copy-done")).ToHaveTextAsync("Copied");
        Assert.Equal(command, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));

        // Tabs have URLs; the tags tab lists the index's platforms.
        await page.Locator(".tabs a", new() { HasTextString = "Image tags" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"\?tab=image-tags$"));
        var row = page.Locator("tbody tr", new() { HasTextString = "1.0.0" });
        await Assertions.Expect(row).ToContainTextAsync("linux/amd64");
        await Assertions.Expect(row).ToContainTextAsync("linux/arm64");
        await Assertions.Expect(row.Locator(".digest code")).ToHaveTextAsync(index.Manifest.Digest[..19]);
        await Browser.ScreenshotAsync(page, $"{Provider}-repository-tags");
        await page.Locator(".tabs a", new() { HasTextString = "Usage" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"\?tab=usage$"));

        // Back and forward walk the tabs, then the search.
        await page.GoBackAsync();
        await page.WaitForURLAsync(new Regex(@"\?tab=image-tags$"));
        await Assertions.Expect(page.Locator(".tabs [aria-current=page]")).ToHaveTextAsync("Image tags");
        await page.GoBackAsync();
        await page.WaitForURLAsync(new Regex($"/{Regex.Escape(repository)}$"));
        await Assertions.Expect(page.Locator(".tabs [aria-current=page]")).ToHaveTextAsync("About");
        await page.GoBackAsync();
        await page.WaitForURLAsync(new Regex("/search\\?"));
        await Assertions.Expect(page.Locator(".facets a[aria-current=true]")).ToContainTextAsync("ARM 64");
        await page.GoForwardAsync();
        await page.WaitForURLAsync(new Regex($"/{Regex.Escape(repository)}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(repository);

        // The publisher link.
        await page.Locator(".repo-publisher a").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/{TestPublisher.Alias}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Test Publisher");
        await Assertions.Expect(page.Locator($"article a[href='/{repository}']")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, $"{Provider}-publisher");

        // Suggestions as you type in the header search: arrow down and Enter open the repository.
        await page.FillAsync("#header-search-input", name);
        await Assertions.Expect(page.Locator($"#header-suggestions a[href='/{repository}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#header-search-input")).ToHaveAttributeAsync("aria-expanded", "true");
        await Browser.ScreenshotAsync(page, $"{Provider}-suggestions");
        await Assertions.Expect(page.Locator("#header-search-input")).ToHaveAttributeAsync("role", "combobox");
        await page.PressAsync("#header-search-input", "ArrowDown");
        await Assertions.Expect(page.Locator("#header-search-input")).ToHaveAttributeAsync("aria-activedescendant", "header-suggestions-0");
        await Assertions.Expect(page.Locator("#header-suggestions-0")).ToHaveAttributeAsync("aria-selected", "true");
        await page.PressAsync("#header-search-input", "Enter");
        await page.WaitForURLAsync(new Regex($"/{Regex.Escape(repository)}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(repository);

        // Not found is a page a person understands, with a 404.
        var missing = await page.GotoAsync($"/{TestPublisher.Alias}/does-not-exist-{name}");
        Assert.Equal(404, missing!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Repository not found");
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task Markdown_with_an_xss_payload_renders_inert()
    {
        Directory.CreateDirectory(Temp.Sub("home"));
        var name = "xss-" + Guid.NewGuid().ToString("N")[..8];
        var repository = $"{TestPublisher.Alias}/{name}";
        var (layout, _) = OciLayouts.SingleLayer(Temp.Sub("push"), repository, "latest");
        await Skopeo.CopyAsync(References.Oci(layout.Directory, "latest"), Docker(repository, "latest"));
        const string about = "# Hello\\n\\n<script>alert('script')</script>\\n\\n<img src=x onerror=\\\"alert('img')\\\">\\n\\n[click me](javascript:alert('link'))\\n\\n**safe** text";
        await Aws.EcrPublicAsync("put-repository-catalog-data", "--repository-name", name, "--catalog-data",
            $$"""{"description":"XSS probe","aboutText":"{{about}}"}""");
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(Gallery.BaseAddress);
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await page.GotoAsync("/" + repository);
        await Assertions.Expect(page.Locator(".markdown strong")).ToHaveTextAsync("safe");
        await page.Locator(".markdown a", new() { HasTextString = "click me" }).ClickAsync();
        // Let the page run what the click queued: an alert it opened would hold this until dismissed (and counted).
        await page.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve))");

        Assert.Equal(0, dialogs);
        Assert.Equal(0, await page.Locator(".markdown script").CountAsync());
        Assert.Equal(0, await page.Locator(".markdown [onerror]").CountAsync());
        Assert.Equal(0, await page.Locator(".markdown a[href^='javascript']").CountAsync());
        await Browser.ScreenshotAsync(page, $"{Provider}-xss");
    }

    [Fact]
    public async Task A_phone_sized_screen_shows_pages_without_sideways_scrolling()
    {
        var name = "phone-" + Guid.NewGuid().ToString("N")[..8];
        var repository = $"{TestPublisher.Alias}/{name}";
        var (layout, _) = OciLayouts.SingleLayer(Temp.Sub("push"), repository, "latest");
        await Skopeo.CopyAsync(References.Oci(layout.Directory, "latest"), Docker(repository, "latest"));
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(Gallery.BaseAddress, width: 390, height: 844);

        await SearchUntilFoundAsync(page, name, repository);
        foreach (var (url, shot) in new[] { ("/", "home"), ($"/search?searchTerm={name}", "search"), ($"/{repository}", "repository"), ($"/{repository}?tab=image-tags", "tags") })
        {
            await page.GotoAsync(url);
            await Assertions.Expect(page.Locator("#header-search-input")).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{url} scrolls sideways on a phone");
            await Browser.ScreenshotAsync(page, $"{Provider}-phone-{shot}");
        }
    }

    /// <summary>Searches from the home page's box until the repository shows up (the index follows pushes within a second or so).</summary>
    private static async Task SearchUntilFoundAsync(IPage page, string text, string repository)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await page.GotoAsync("/");
            await page.FillAsync("#home-search-input", text);
            await page.PressAsync("#home-search-input", "Enter");
            await page.WaitForURLAsync(new Regex("/search\\?searchTerm="));
            if (await page.Locator($"article a[href='/{repository}']").CountAsync() > 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{repository} was not found by search within 15 s");
            await Task.Delay(250);
        }
    }
}

[Collection(SqliteGallery.Name)]
public sealed class SqliteGalleryPagesTests(SqliteGalleryFixture fixture) : GalleryPagesTests(fixture);

[Collection(PostgresGallery.Name)]
public sealed class PostgresGalleryPagesTests(PostgresGalleryFixture fixture) : GalleryPagesTests(fixture);
