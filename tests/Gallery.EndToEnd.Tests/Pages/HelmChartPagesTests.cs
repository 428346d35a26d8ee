using System.Text.RegularExpressions;
using Gallery.Testing;
using Gallery.Testing.HelmCharts;
using Gallery.Testing.OciLayouts;
using Microsoft.Playwright;

namespace Gallery.EndToEnd.Tests.Pages;

/// <summary>
/// A Helm chart repository in a real browser: charts copied with skopeo from an OCI layout (as helm lays them out),
/// found with the Helm type facet, its page showing the chart's facts, README and helm pull commands.
/// </summary>
public abstract class HelmChartPagesTests(GalleryFixture fixture) : GalleryTest(fixture)
{
    private string Provider => Gallery.Database.Provider.ToString().ToLowerInvariant();

    [Fact]
    public async Task A_chart_repository_shows_its_chart_readme_and_helm_pull_commands()
    {
        var name = "chart-" + Guid.NewGuid().ToString("N")[..8];
        var repository = $"{TestPublisher.Alias}/{name}";
        var layout = new OciLayoutBuilder(Temp.Sub("charts"));
        var older = new HelmChartPackage(name, "1.0.0", "2.0.0", "Metrics dashboards");
        var newer = new HelmChartPackage(name, "1.1.0+up2", "2.1.0", "Metrics dashboards for every cluster", ["metrics", "dashboards"],
            "# Dashboards chart\n\nInstall with **helm**.\n\n<script>alert('readme')</script>");
        older.WriteTo(layout);
        newer.WriteTo(layout);
        await Skopeo.CopyAsync(References.Oci(layout.Directory, older.Tag), Docker(repository, older.Tag));
        await Skopeo.CopyAsync(References.Oci(layout.Directory, newer.Tag), Docker(repository, newer.Tag));
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(Gallery.BaseAddress);
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        // The search's Type facet finds it; its card says what it is.
        await FindWithTypeFacetAsync(page, name, repository);
        await Assertions.Expect(page.Locator($"article:has(a[href='/{repository}']) .kind-badge")).ToHaveTextAsync("Helm chart");
        await Browser.ScreenshotAsync(page, $"{Provider}-search-helm");

        // The repository page: the newest chart's facts, its README as About text (inert), helm pull as the command.
        await page.GotoAsync("/" + repository);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(repository);
        await Assertions.Expect(page.Locator(".repo-description")).ToHaveTextAsync("Metrics dashboards for every cluster");
        await Assertions.Expect(page.Locator(".chart-facts")).ToContainTextAsync("1.1.0+up2");
        await Assertions.Expect(page.Locator(".chart-facts")).ToContainTextAsync("2.1.0");
        await Assertions.Expect(page.Locator(".chart-facts")).ToContainTextAsync("dashboards");
        await Assertions.Expect(page.Locator(".pull-command code")).ToHaveTextAsync($"helm pull oci://{Gallery.Authority}/{repository} --version 1.1.0+up2");
        await Assertions.Expect(page.Locator(".markdown h2, .markdown h1").First).ToHaveTextAsync("Dashboards chart");
        await Assertions.Expect(page.Locator(".markdown strong")).ToHaveTextAsync("helm");
        Assert.Equal(0, await page.Locator(".markdown script").CountAsync());
        await Browser.ScreenshotAsync(page, $"{Provider}-helm-repository");

        // The tags tab lists versions with their app versions and a helm pull command each.
        await page.GotoAsync($"/{repository}?tab=image-tags");
        var row = page.Locator("tbody tr", new() { HasTextString = "1.0.0" });
        await Assertions.Expect(row).ToContainTextAsync("Helm chart 1.0.0");
        await Assertions.Expect(row).ToContainTextAsync("app 2.0.0");
        await Assertions.Expect(row.Locator(".pull button[data-copy]")).ToHaveCountAsync(1);
        Assert.Equal($"helm pull oci://{Gallery.Authority}/{repository} --version 1.0.0", await row.Locator(".pull button[data-copy]").GetAttributeAsync("data-copy"));
        await Browser.ScreenshotAsync(page, $"{Provider}-helm-tags");
        Assert.Equal(0, dialogs);
    }

    private static async Task FindWithTypeFacetAsync(IPage page, string text, string repository)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await page.GotoAsync($"/search?searchTerm={text}");
            if (await page.Locator($"article a[href='/{repository}']").CountAsync() > 0)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{repository} was not found by search within 15 s");
            await Task.Delay(250);
        }

        await page.Locator(".facets a", new() { HasTextString = "Helm charts" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("type=helm"));
        await Assertions.Expect(page.Locator($"article a[href='/{repository}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".facets a[aria-current=true]")).ToContainTextAsync("Helm charts");
    }
}

[Collection(SqliteGallery.Name)]
public sealed class SqliteHelmChartPagesTests(SqliteGalleryFixture fixture) : HelmChartPagesTests(fixture);

[Collection(PostgresGallery.Name)]
public sealed class PostgresHelmChartPagesTests(PostgresGalleryFixture fixture) : HelmChartPagesTests(fixture);
