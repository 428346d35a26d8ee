using System.Text.RegularExpressions;
using Gallery.EndToEnd.Tests.Pages;
using static Gallery.EndToEnd.Tests.Console.ConsolePages;

namespace Gallery.EndToEnd.Tests.Console;

/// <summary>Every console page on a phone-sized screen (390 px): nothing pushes the page sideways.</summary>
public abstract class ConsolePhoneTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    [Fact]
    public async Task A_phone_sized_screen_shows_the_console_without_sideways_scrolling()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(Gallery.BaseAddress, width: 390, height: 844);
        await SignUpAsync(page, "phone" + id, "ph" + id);
        await page.FillAsync("#new-repository-name", "tools/phone-app");
        await page.ClickAsync("#create-repository");
        await page.WaitForURLAsync(new Regex("/console/repositories/tools/phone-app$"));

        var pages = new[]
        {
            ("/console/repositories", "repositories"), ("/console/repositories/tools/phone-app", "catalog"),
            ("/console/repositories/tools/phone-app?tab=images", "images"), ("/console/repositories/tools/phone-app?tab=policy", "policy"),
            ("/console/repositories/tools/phone-app?tab=activity", "activity"), ("/console/settings", "settings"), ("/console/keys", "keys"),
        };
        foreach (var (url, shot) in pages)
        {
            await page.GotoAsync(url);
            await InteractiveAsync(page);
            await Browser.ScreenshotAsync(page, $"console-{Gallery.Database.Provider.ToString().ToLowerInvariant()}-phone-{shot}");
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"),
                $"{url} scrolls sideways on a phone: {string.Join(", ", await page.EvaluateAsync<string[]>(WiderThanTheScreen))}");
        }
    }

    /// <summary>A script naming the elements that stick out to the right of the screen (what makes a page scroll sideways).</summary>
    private const string WiderThanTheScreen = """
        () => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 5)
            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right))
        """;
}

[Collection(SqliteGallery.Name)]
public sealed class SqliteConsolePhoneTests(SqliteGalleryFixture fixture) : ConsolePhoneTests(fixture);

[Collection(PostgresGallery.Name)]
public sealed class PostgresConsolePhoneTests(PostgresGalleryFixture fixture) : ConsolePhoneTests(fixture);
