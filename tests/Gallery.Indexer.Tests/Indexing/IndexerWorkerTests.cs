using System.Diagnostics;
using Gallery.Indexer.Indexing;
using Gallery.Indexer.Search;
using Gallery.Indexer.Tests.Catalog;
using Gallery.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registry.Core;
using Registry.Core.Data;
using Registry.Core.Access;
using Registry.Core.Repositories;
using Gallery.Indexer.Reading;

namespace Gallery.Indexer.Tests.Indexing;

/// <summary>The worker against a real host per test: freshness, restart resume, reindex equivalence, pull counts.</summary>
public abstract class IndexerWorkerTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;

    protected TestDatabase Database => _database!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database!.DisposeAsync();

    [Fact]
    public async Task A_pushed_repository_is_found_within_a_second()
    {
        await using var host = await IndexHost.StartAsync(Database);
        await host.WaitForIndexAsync();
        for (var i = 0; i < 5; i++)
        {
            var name = $"{TestPublisher.Alias}/fresh-{i}-{Guid.NewGuid():N}"[..40];
            await PushClient.PushAsync(host.Client, name);
            var clock = Stopwatch.StartNew();
            while (!Found(host, name))
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"{name} was not searchable within a second of its push");
                await Task.Delay(5);
            }
        }
    }

    [Fact]
    public async Task A_restart_resumes_from_the_checkpoint_and_catches_up_on_what_happened_meanwhile()
    {
        var first = TestCatalog.Entries.Take(40).ToList();
        var second = TestCatalog.Entries.Skip(40).Take(40).ToList();
        await using (var host = await IndexHost.StartAsync(Database))
        {
            await CatalogSeeder.SeedAsync(host.Services, first);
            await host.WaitForIndexAsync();
        }

        long checkpoint;
        await using (var offline = await IndexHost.StartAsync(Database, new Dictionary<string, string?> { ["Gallery:Index:Worker"] = "false" }))
        {
            checkpoint = await CheckpointAsync(offline.Services);
            Assert.True(checkpoint > 0);
            await CatalogSeeder.SeedAsync(offline.Services, second);
        }

        await using (var host = await IndexHost.StartAsync(Database))
        {
            await host.WaitForIndexAsync();
            var all = host.Search.Search(new SearchRequest { PageSize = 100 });
            Assert.Equal(first.Concat(second).Count(e => e.HasImage), all.Total);
            await Task.Delay(300);
            Assert.True(await CheckpointAsync(host.Services) > checkpoint);
        }
    }

    [Fact]
    public async Task Reindexing_gives_the_same_results_as_following_the_events()
    {
        await using var host = await IndexHost.StartAsync(Database);
        foreach (var chunk in TestCatalog.Entries.Chunk(25))
        {
            await CatalogSeeder.SeedAsync(host.Services, chunk);
        }

        await host.WaitForIndexAsync();
        using var rebuilt = new TempDirectory("reindex");
        await using var scope = host.Services.CreateAsyncScope();
        using var writer = new GalleryIndexWriter(Options.Create(new IndexOptions { Path = rebuilt.Path }), host.Services.GetRequiredService<IOptions<RegistryOptions>>());
        var reader = scope.ServiceProvider.GetRequiredService<RepositoryRecordReader>();
        var reindexer = new Reindexer(writer, reader, scope.ServiceProvider.GetRequiredService<EventFeed>(), scope.ServiceProvider.GetRequiredService<CheckpointStore>(),
            host.Services.GetRequiredService<IOptions<IndexOptions>>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<Reindexer>.Instance);
        await reindexer.RunAsync(CancellationToken.None);
        var fromScratch = new GallerySearch(writer);

        foreach (var query in Search.RelevanceCases.All.Select(row => (string)row[0]).Append("").Append("database"))
        {
            var request = new SearchRequest { Text = query, PageSize = 50 };
            var incremental = host.Search.Search(request);
            var rebuiltResult = fromScratch.Search(request);
            Assert.Equal(incremental.Total, rebuiltResult.Total);
            Assert.Equal(incremental.Hits.Select(h => (h.FullName, h.PullCount, h.Architectures.Count)), rebuiltResult.Hits.Select(h => (h.FullName, h.PullCount, h.Architectures.Count)));
            Assert.Equal(incremental.Facets, rebuiltResult.Facets, new FacetsComparer());
        }
    }

    [Fact]
    public async Task Pulls_are_counted_in_memory_flushed_in_batches_and_reflected_in_popularity()
    {
        await using var host = await IndexHost.StartAsync(Database);
        var quiet = $"{TestPublisher.Alias}/quiet";
        var busy = $"{TestPublisher.Alias}/busy";
        await PushClient.PushAsync(host.Client, quiet);
        await PushClient.PushAsync(host.Client, busy);
        await host.WaitForIndexAsync();
        for (var i = 0; i < 7; i++)
        {
            await PushClient.PullAsync(host.Client, busy);
        }

        await PushClient.PullAsync(host.Client, quiet);
        using (var head = new HttpRequestMessage(HttpMethod.Head, $"/v2/{busy}/manifests/latest"))
        {
            (await host.Client.SendAsync(head)).Dispose();
        }

        await host.Services.GetRequiredService<PullCountFlusher>().FlushAsync(CancellationToken.None);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            Assert.Equal(7, await db.Repositories.Where(r => r.FullName == busy).Select(r => r.PullCount).SingleAsync());
            Assert.NotNull(await db.Repositories.Where(r => r.FullName == busy).Select(r => r.LastPulledAt).SingleAsync());
        }

        var clock = Stopwatch.StartNew();
        SearchResult result;
        do
        {
            await Task.Delay(50);
            result = host.Search.Search(new SearchRequest { Publisher = TestPublisher.Alias, Sort = SearchSort.Popularity });
        }
        while (result.Hits[0].PullCount != 7 && clock.Elapsed < TimeSpan.FromSeconds(10));

        Assert.Equal([(busy, 7L), (quiet, 1L)], result.Hits.Select(h => (h.FullName, h.PullCount)));
    }

    [Fact]
    public async Task A_suspended_publishers_repositories_leave_the_index_and_the_gallery_until_restored()
    {
        await using var host = await IndexHost.StartAsync(Database);
        await host.WaitForIndexAsync();
        var name = $"{TestPublisher.Alias}/suspended-{Guid.NewGuid():N}"[..40];
        await PushClient.PushAsync(host.Client, name);
        await EventuallyAsync(() => Found(host, name), $"{name} was never indexed");

        string ownerId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            ownerId = (await db.Registries.SingleAsync(r => r.Alias == TestPublisher.Alias)).OwnerId!;
            await scope.ServiceProvider.GetRequiredService<AdministrationService>().SetSuspendedAsync(ownerId, true, "an-administrator", CancellationToken.None);
        }

        await EventuallyAsync(() => !Found(host, name), $"{name} stayed searchable after its publisher was suspended");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var reader = new GalleryReader(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
            Assert.Null(await reader.GetRepositoryAsync(name));
            Assert.Null(await reader.GetPublisherAsync(TestPublisher.Alias));
            await scope.ServiceProvider.GetRequiredService<AdministrationService>().SetSuspendedAsync(ownerId, false, "an-administrator", CancellationToken.None);
        }

        await EventuallyAsync(() => Found(host, name), $"{name} did not come back after its publisher was restored");
    }

    private static async Task EventuallyAsync(Func<bool> condition, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), failure);
            await Task.Delay(20);
        }
    }

    private static bool Found(IndexHost host, string name) =>
        host.Search.Search(new SearchRequest { Text = name }).Hits.Any(h => h.FullName == name);

    private static async Task<long> CheckpointAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var name = scope.ServiceProvider.GetRequiredService<CheckpointStore>().Name;
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().IndexerCheckpoints.Where(c => c.Name == name).Select(c => c.Position).SingleAsync();
    }

    private sealed class FacetsComparer : IEqualityComparer<SearchFacets>
    {
        public bool Equals(SearchFacets? x, SearchFacets? y) =>
            x!.Architectures.SequenceEqual(y!.Architectures) && x.OperatingSystems.SequenceEqual(y.OperatingSystems);

        public int GetHashCode(SearchFacets obj) => 0;
    }
}

public sealed class SqliteIndexerWorkerTests() : IndexerWorkerTests(DatabaseProvider.Sqlite);

public sealed class PostgresIndexerWorkerTests() : IndexerWorkerTests(DatabaseProvider.Postgres);
