using System.Text.Json;
using Gallery.Testing;
using Gallery.Testing.OciLayouts;

namespace Gallery.EndToEnd.Tests.Pages;

/// <summary>
/// Catalog data written to break pages (markdown nested too deep to parse, script, a wide table, words and links
/// longer than a phone is wide) shows as inert text inside the page width, on a phone and on a desktop.
/// The pages are the same on every database, so this runs on SQLite only.
/// </summary>
[Collection(SqliteGallery.Name)]
public sealed class HostileCatalogDataTests(SqliteGalleryFixture fixture) : GalleryTest(fixture)
{
    private static readonly string LongWord = new('W', 400);

    [Fact]
    public async Task Hostile_catalog_data_stays_inert_and_inside_the_page_width()
    {
        var name = "hostile-" + Guid.NewGuid().ToString("N")[..8];
        var repository = $"{TestPublisher.Alias}/{name}";
        var (layout, _) = OciLayouts.SingleLayer(Temp.Sub("push"), repository, "latest");
        await Skopeo.CopyAsync(References.Oci(layout.Directory, "latest"), Docker(repository, "latest"));
        var catalog = Temp.Sub("catalog.json");
        await File.WriteAllTextAsync(catalog, JsonSerializer.Serialize(new
        {
            description = $"A description with <script>alert('description')</script> and {LongWord}",
            aboutText = new string('>', 300) + " <script>alert('about')</script>",
            usageText = $"| {string.Join(" | ", Enumerable.Range(0, 40))} |\n|{string.Concat(Enumerable.Repeat("---|", 40))}\n\n{LongWord}\n\nhttps://example.com/{LongWord}",
        }));
        await new AwsCli(Gallery, Temp.Sub("home")).EcrPublicAsync("put-repository-catalog-data", "--repository-name", name, "--catalog-data", "file://" + catalog);
        await WaitUntilSearchFindsAsync(name, repository);
        await using var browser = await Browser.LaunchAsync();

        foreach (var width in new[] { 390, 1280 })
        {
            var page = await browser.NewPageAsync(Gallery.BaseAddress, width: width, height: 844);
            var dialogs = 0;
            page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
            foreach (var url in new[] { $"/{repository}", $"/{repository}?tab=usage", $"/search?searchTerm={name}" })
            {
                var response = await page.GotoAsync(url);

                Assert.Equal(200, response!.Status);
                Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{url} scrolls sideways at {width} px");
            }

            Assert.Equal(0, dialogs);
            await Browser.ScreenshotAsync(page, $"hostile-catalog-{width}");
        }
    }

    /// <summary>The index follows a catalog change within a second or so.</summary>
    private async Task WaitUntilSearchFindsAsync(string text, string repository)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!(await Gallery.Client.GetStringAsync(Gallery.Url($"api/search?searchTerm={text}"))).Contains(LongWord, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{repository} did not show its new description in search within 15 s");
            await Task.Delay(100);
        }
    }
}
