using System.Diagnostics;
using Gallery.Indexer.Search;
using Gallery.Indexer.Tests.Catalog;
using Gallery.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core;
using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Gallery.Indexer.Tests.Indexing;

/// <summary>
/// The outbox is pruned behind every live follower once events are older than the retention; a follower gone for
/// longer than the retention rebuilds its index from the database rather than missing pruned events.
/// </summary>
public abstract class OutboxRetentionTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> ShortRetention = new()
    {
        ["Gallery:Events:Retention"] = "00:00:02",
        ["Gallery:Events:PruneInterval"] = "00:00:00.200",
    };

    private TestDatabase? _database;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database!.DisposeAsync();

    [Fact]
    public async Task Old_events_are_pruned_only_up_to_the_slowest_live_follower()
    {
        await using var host = await IndexHost.StartAsync(_database!, ShortRetention);
        await CatalogSeeder.SeedAsync(host.Services, TestCatalog.Entries.Take(10));
        await host.WaitForIndexAsync();
        var ids = await QueryAsync(host, db => db.Events.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        var middle = ids[ids.Count / 2];
        await QueryAsync(host, async db =>
        {
            // A follower that is live (its row keeps being fresh) but behind, and one gone for longer than the retention.
            db.IndexerCheckpoints.Add(new IndexerCheckpoint { Name = "slow", Position = middle, UpdatedAt = DateTime.UtcNow.AddHours(1) });
            db.IndexerCheckpoints.Add(new IndexerCheckpoint { Name = "gone", Position = 0, UpdatedAt = DateTime.UtcNow.AddHours(-1) });
            return await db.SaveChangesAsync();
        });

        await EventuallyAsync(async () => await QueryAsync(host, db => db.Events.CountAsync(e => e.Id <= middle)) == 0, "events every live follower had passed were not pruned");
        Assert.Equal(ids.Count(id => id > middle), await QueryAsync(host, db => db.Events.CountAsync()));

        await QueryAsync(host, db => db.IndexerCheckpoints.Where(c => c.Name == "slow").ExecuteUpdateAsync(c => c.SetProperty(r => r.Position, ids[^1])));
        await EventuallyAsync(async () => await QueryAsync(host, db => db.Events.CountAsync()) == 0, "events were kept after the slow follower passed them");
    }

    [Fact]
    public async Task A_replica_gone_longer_than_the_retention_rebuilds_from_the_database()
    {
        var first = TestCatalog.Entries.Where(e => e.HasImage).Take(3).ToList();
        var meanwhile = TestCatalog.Entries.Where(e => e.HasImage).Skip(3).Take(3).ToList();
        await using (var host = await IndexHost.StartAsync(_database!, ShortRetention))
        {
            await CatalogSeeder.SeedAsync(host.Services, first);
            await host.WaitForIndexAsync();
        }

        await using (var elsewhere = await IndexHost.StartAsync(_database!, new Dictionary<string, string?> { ["Gallery:Index:Worker"] = "false" }))
        {
            await CatalogSeeder.SeedAsync(elsewhere.Services, meanwhile);
            // What the other nodes' pruning would have done while this replica was away.
            await QueryAsync(elsewhere, db => db.Events.ExecuteDeleteAsync());
        }

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await using (var host = await IndexHost.StartAsync(_database!, ShortRetention))
        {
            foreach (var entry in first.Concat(meanwhile))
            {
                await EventuallyAsync(() => Task.FromResult(Found(host, entry.FullName)), $"{entry.FullName} was not in the rebuilt index");
            }
        }
    }

    private static bool Found(IndexHost host, string name) =>
        host.Search.Search(new SearchRequest { Text = name }).Hits.Any(h => h.FullName == name);

    private static async Task<T> QueryAsync<T>(IndexHost host, Func<RegistryDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RegistryDbContext>());
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), failure);
            await Task.Delay(50);
        }
    }
}

public sealed class SqliteOutboxRetentionTests() : OutboxRetentionTests(DatabaseProvider.Sqlite);

public sealed class PostgresOutboxRetentionTests() : OutboxRetentionTests(DatabaseProvider.Postgres);
