using System.Diagnostics;
using Gallery.Indexer.Indexing;
using Gallery.Indexer.Search;
using Gallery.Indexer.Tests.Catalog;
using Gallery.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core;
using Registry.Core.Data;
using Registry.Core.Events;

namespace Gallery.Indexer.Tests.Indexing;

/// <summary>
/// PostgreSQL hands out event ids when rows are inserted but shows them when transactions commit: an event with a
/// lower id can appear after a higher one was read. The worker must not skip it, not even when its transaction stays
/// open past the gap timeout and the worker restarts meanwhile.
/// </summary>
public sealed class OutOfOrderCommitTests : IAsyncLifetime
{
    private TestDatabase? _database;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);

    public async Task DisposeAsync() => await _database!.DisposeAsync();

    [Fact]
    public async Task An_event_committed_after_a_later_one_is_still_indexed()
    {
        await using var host = await IndexHost.StartAsync(_database!);
        await host.WaitForIndexAsync();
        var template = TestCatalog.Entries.First(e => e.HasImage);
        var held = template with { Alias = "held", Name = "open-transaction" };
        var quick = template with { Alias = "quick", Name = "committed-first" };

        await using var heldScope = host.Services.CreateAsyncScope();
        var heldDb = heldScope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        await using var transaction = await heldDb.Database.BeginTransactionAsync();
        await CatalogSeeder.SaveAsync(heldDb, [held]);

        await using (var quickScope = host.Services.CreateAsyncScope())
        {
            await CatalogSeeder.SaveAsync(quickScope.ServiceProvider.GetRequiredService<RegistryDbContext>(), [quick]);
        }

        host.Services.GetRequiredService<RegistryEventSignal>().Notify();
        await UntilFoundAsync(host, quick.FullName);
        Assert.False(Found(host, held.FullName));

        await transaction.CommitAsync();
        await UntilFoundAsync(host, held.FullName);

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var heldIds = await db.Events.Where(e => e.Repository == held.FullName).Select(e => e.Id).ToListAsync();
        var quickIds = await db.Events.Where(e => e.Repository == quick.FullName).Select(e => e.Id).ToListAsync();
        Assert.True(heldIds.Max() < quickIds.Min(), "the held transaction's events must have the lower ids");
    }

    [Fact]
    public async Task An_event_committed_after_the_gap_timeout_and_a_restart_is_still_indexed()
    {
        var settings = new Dictionary<string, string?> { ["Gallery:Index:GapTimeout"] = "00:00:00.300" };
        var template = TestCatalog.Entries.First(e => e.HasImage);
        var held = template with { Alias = "late", Name = "long-transaction" };
        var quick = template with { Alias = "early", Name = "committed-meanwhile" };

        // A connection of its own, so the transaction outlives the first host.
        await using var heldDb = new PostgresRegistryDbContext(new DbContextOptionsBuilder<PostgresRegistryDbContext>().UseNpgsql(_database!.ConnectionString).Options);
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction;
        await using (var host = await IndexHost.StartAsync(_database!, settings))
        {
            await host.WaitForIndexAsync();
            transaction = await heldDb.Database.BeginTransactionAsync();
            await CatalogSeeder.SaveAsync(heldDb, [held]);
            await CatalogSeeder.SeedAsync(host.Services, [quick]);
            await UntilFoundAsync(host, quick.FullName);

            // Past the gap timeout the held ids no longer hold the position back.
            var worker = host.Services.GetRequiredService<IndexerWorker>();
            var clock = Stopwatch.StartNew();
            while (worker.Position < await LastEventIdAsync(host))
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "the position stayed behind the held transaction's ids after the gap timeout");
                await Task.Delay(20);
            }

            Assert.False(Found(host, held.FullName));
        }

        await using (var host = await IndexHost.StartAsync(_database!, settings))
        {
            await transaction.CommitAsync();
            await UntilFoundAsync(host, held.FullName);
        }

        await transaction.DisposeAsync();
    }

    private static async Task<long> LastEventIdAsync(IndexHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Events.MaxAsync(e => e.Id);
    }

    private static bool Found(IndexHost host, string name) =>
        host.Search.Search(new SearchRequest { Text = name }).Hits.Any(h => h.FullName == name);

    private static async Task UntilFoundAsync(IndexHost host, string name)
    {
        var clock = Stopwatch.StartNew();
        while (!Found(host, name))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{name} was not indexed");
            await Task.Delay(10);
        }
    }
}
