using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Gallery.Testing;
using Gallery.Testing.OciLayouts;
using Microsoft.Playwright;
using static Gallery.EndToEnd.Tests.Console.ConsolePages;

namespace Gallery.EndToEnd.Tests.Pages;

/// <summary>
/// axe-core (Deque's engine, as browser extensions run it) over every kind of page, public and console, in both
/// themes: no serious or critical violation of WCAG 2.1 A/AA.
/// </summary>
public abstract class AccessibilityTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Fact]
    public async Task Public_pages_have_no_serious_accessibility_violations()
    {
        var name = "a11y-" + Guid.NewGuid().ToString("N")[..8];
        var repository = $"{TestPublisher.Alias}/{name}";
        var (layout, image) = OciLayouts.SingleLayer(Temp.Sub("push"), repository, "1.0");
        await Skopeo.CopyAsync(References.Oci(layout.Directory, "1.0"), Docker(repository, "1.0"));
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(Gallery.BaseAddress);

        foreach (var theme in new[] { "light", "dark" })
        {
            await page.Context.AddCookiesAsync([new Cookie { Name = "gallery-theme", Value = theme, Url = Gallery.BaseAddress.ToString() }]);
            foreach (var url in new[] { "/", $"/search?searchTerm={name}", $"/{repository}", $"/{repository}?tab=image-tags", $"/{repository}/images/{image.Manifest.Digest}", $"/{TestPublisher.Alias}", "/no-such-publisher-here" })
            {
                await page.GotoAsync(url);
                await AssertAccessibleAsync(page, $"{url} ({theme})");
            }
        }
    }

    [Fact]
    public async Task Console_pages_have_no_serious_accessibility_violations()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(Gallery.BaseAddress);
        await page.GotoAsync("/console/signin");
        await AssertAccessibleAsync(page, "/console/signin");
        await page.GotoAsync("/console/signup");
        await AssertAccessibleAsync(page, "/console/signup");

        await SignUpAsync(page, "a11y" + id, "ay" + id);
        await page.FillAsync("#new-repository-name", "app");
        await page.ClickAsync("#create-repository");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/console/repositories/app$"));
        foreach (var url in new[]
                 {
                     "/console/repositories", "/console/repositories/app", "/console/repositories/app?tab=images", "/console/repositories/app?tab=policy",
                     "/console/repositories/app?tab=activity", "/console/repositories/app?tab=delete", "/console/settings", "/console/keys",
                 })
        {
            await page.GotoAsync(url);
            await InteractiveAsync(page);
            await AssertAccessibleAsync(page, url);
        }
    }

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe(Wcag);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, $"{what}:\n{string.Join("\n", serious)}");
    }
}

[Collection(SqliteGallery.Name)]
public sealed class SqliteAccessibilityTests(SqliteGalleryFixture fixture) : AccessibilityTests(fixture);
