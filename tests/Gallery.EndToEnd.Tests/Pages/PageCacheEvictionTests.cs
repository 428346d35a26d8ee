using System.Diagnostics;
using Gallery.Testing;
using Gallery.Testing.OciLayouts;
using Gallery.Testing.Processes;
using Registry.Core;

namespace Gallery.EndToEnd.Tests.Pages;

/// <summary>
/// A push empties only the cached pages it changes: on a server whose page cache keeps pages for ten minutes, the
/// pushed repository's page shows the new tag as soon as the index has it, while another repository's page is still
/// served from the cache. A server of its own, for the long lifetime.
/// </summary>
public abstract class PageCacheEvictionTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TempDirectory _temp = new("eviction");
    private TestDatabase? _database;
    private GalleryProcess? _gallery;

    private GalleryProcess Gallery => _gallery!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _gallery = await GalleryProcess.StartAsync(_database, new Dictionary<string, string?> { ["Gallery__PageCache__Lifetime"] = "00:10:00" });
    }

    public async Task DisposeAsync()
    {
        await _gallery!.DisposeAsync();
        await _database!.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_push_empties_the_cached_page_of_its_repository_and_keeps_the_others()
    {
        var changed = References.UniqueRepository("evicted");
        var kept = References.UniqueRepository("kept");
        await PushAsync(changed, "1.0");
        await PushAsync(kept, "1.0");
        using var visitor = new HttpClient(new HttpClientHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
        var changedPage = Gallery.Url($"{changed}?tab=image-tags");
        var keptPage = Gallery.Url(kept);
        await CachedAsync(visitor, changedPage);
        await CachedAsync(visitor, keptPage);

        await PushAsync(changed, "2.0");

        var waited = Stopwatch.StartNew();
        while (!(await visitor.GetStringAsync(changedPage)).Contains(">2.0<", StringComparison.Ordinal))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), $"the cached page of {changed} did not show the pushed tag within 10 s");
            await Task.Delay(50);
        }

        using var again = await visitor.GetAsync(keptPage);
        Assert.True(again.Headers.Age is not null, $"the page of {kept}, which the push did not change, was emptied from the cache");
    }

    /// <summary>Visits a page until it comes from the cache (an Age header), i.e. it is cached now.</summary>
    private static async Task CachedAsync(HttpClient visitor, Uri page)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var response = await visitor.GetAsync(page);
            response.EnsureSuccessStatusCode();
            if (response.Headers.Age is not null)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{page} never came from the page cache");
    }

    private async Task PushAsync(string repository, string tag)
    {
        var (layout, _) = OciLayouts.SingleLayer(_temp.Sub($"{repository.Replace('/', '-')}-{tag}"), $"{repository}:{tag}", tag);
        await Skopeo.CopyAsync(References.Oci(layout.Directory, tag), References.Docker(Gallery.Authority, repository, tag));
    }
}

[Collection(SqliteGallery.Name)]
public sealed class SqlitePageCacheEvictionTests() : PageCacheEvictionTests(DatabaseProvider.Sqlite);

[Collection(PostgresGallery.Name)]
public sealed class PostgresPageCacheEvictionTests() : PageCacheEvictionTests(DatabaseProvider.Postgres);
