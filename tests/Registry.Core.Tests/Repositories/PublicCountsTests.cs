using System.Data;
using Gallery.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access;
using Registry.Core.Data;
using Registry.Core.Repositories;
using Registry.Core.Repositories.Public;
using Registry.Core.Repositories.Management;
using Registry.Core.Tests.Access;
using Registry.Core.Tests.Http;

namespace Registry.Core.Tests.Repositories;

/// <summary>
/// The gallery's totals and each publisher's repository count are kept as the catalog changes, not counted per page:
/// after every kind of change they must equal a full count of the rows. A host and database of their own, so that
/// suspending the test publisher touches nobody else.
/// </summary>
public abstract class PublicCountsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private RegistryHost? _host;

    private RegistryHost Host => _host!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _host = await RegistryHost.StartAsync(_database);
    }

    public async Task DisposeAsync()
    {
        await _host!.DisposeAsync();
        await _database!.DisposeAsync();
    }

    [Fact]
    public async Task The_kept_counts_equal_a_full_count_through_pushes_moves_deletes_pulls_and_suspension()
    {
        var api = new RegistryApi(Host.Client);
        var one = $"{TestPublisher.Alias}/counted-one";
        var two = $"{TestPublisher.Alias}/counted-two";
        var (first, second) = (TestImage.Create(), TestImage.Create());
        await AssertCountsAsync(new PublicTotals(0, 0, 0, 0));

        await api.PushImageAsync(one, first, "v1");
        await api.PushImageAsync(one, first, "v2");
        await AssertCountsAsync(new PublicTotals(1, 1, 2, 0));

        await api.PushImageAsync(one, second, "v1");
        await AssertCountsAsync(new PublicTotals(1, 1, 2, 0));

        await api.PushImageAsync(two, second, "latest");
        var other = await OtherPublishers.CreateAsync(Host, "counted-other", "counted", createOnPush: true);
        using var otherClient = new HttpClient(new RegistryTokenHandler(other.Credentials)) { BaseAddress = Host.BaseAddress };
        await new RegistryApi(otherClient).PushImageAsync("counted/elsewhere", TestImage.Create(), "1.0");
        await AssertCountsAsync(new PublicTotals(3, 2, 4, 0));

        using (await Host.Client.DeleteAsync($"/v2/{one}/manifests/v2"))
        {
        }

        await AssertCountsAsync(new PublicTotals(3, 2, 3, 0));

        using (await Host.Client.DeleteAsync($"/v2/{one}/manifests/{first.Digest}"))
        using (await Host.Client.DeleteAsync($"/v2/{one}/manifests/{second.Digest}"))
        {
        }

        await AssertCountsAsync(new PublicTotals(2, 2, 2, 0));

        for (var i = 0; i < 3; i++)
        {
            using var pull = await Host.AnonymousClient.GetAsync($"/v2/{two}/manifests/latest");
            pull.EnsureSuccessStatusCode();
        }

        await Host.Services.GetRequiredService<PullCountFlusher>().FlushAsync(CancellationToken.None);
        await AssertCountsAsync(new PublicTotals(2, 2, 2, 3));

        await SetSuspendedAsync(other.Caller.AccountId, true);
        await AssertCountsAsync(new PublicTotals(1, 1, 1, 3));
        await SetSuspendedAsync(other.Caller.AccountId, true);
        await AssertCountsAsync(new PublicTotals(1, 1, 1, 3));
        await SetSuspendedAsync(other.Caller.AccountId, false);
        await AssertCountsAsync(new PublicTotals(2, 2, 2, 3));

        await DeleteRepositoryAsync(two);
        await AssertCountsAsync(new PublicTotals(1, 1, 1, 0));
    }

    [Fact]
    public async Task Concurrent_pushes_to_one_publisher_are_all_counted()
    {
        var image = TestImage.Create();
        var api = new RegistryApi(Host.Client);
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => api.PushImageAsync($"{TestPublisher.Alias}/concurrent-{i % 4}", image, $"v{i}")));

        await AssertCountsAsync(new PublicTotals(4, 1, 12, 0));
    }

    /// <summary>The kept counts, the expected ones and a full count of the rows all agree (read in one snapshot).</summary>
    private async Task AssertCountsAsync(PublicTotals expected)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable);
        var kept = await PublicCounts.ReadTotalsAsync(db, CancellationToken.None);

        var visible = db.Repositories.Where(r => r.Registry.Owner == null || !r.Registry.Owner.Suspended);
        var listed = visible.Where(r => db.Manifests.Any(m => m.RepositoryId == r.Id));
        var counted = new PublicTotals(
            await listed.CountAsync(),
            await listed.Select(r => r.RegistryId).Distinct().CountAsync(),
            await db.Tags.CountAsync(t => visible.Any(r => r.Id == t.RepositoryId)),
            await visible.SumAsync(r => r.PullCount));
        Assert.Equal(counted, kept);
        Assert.Equal(expected, kept);

        var publishers = await db.Registries.Where(g => g.Owner == null || !g.Owner.Suspended).Select(g => new { g.Alias, g.PublicRepositoryCount }).ToListAsync();
        foreach (var publisher in publishers)
        {
            Assert.Equal(await listed.CountAsync(r => r.Registry.Alias == publisher.Alias), publisher.PublicRepositoryCount);
        }
    }

    private async Task SetSuspendedAsync(string accountId, bool suspended)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AdministrationService>().SetSuspendedAsync(accountId, suspended, "an-administrator", CancellationToken.None);
    }

    private async Task DeleteRepositoryAsync(string fullName)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var repository = await db.Repositories.AsNoTracking().Include(r => r.Registry).SingleAsync(r => r.FullName == fullName);
        await scope.ServiceProvider.GetRequiredService<RepositoryManagementService>().DeleteAsync(repository.Id, force: true, CancellationToken.None);
    }
}

public sealed class SqlitePublicCountsTests() : PublicCountsTests(DatabaseProvider.Sqlite);

public sealed class PostgresPublicCountsTests() : PublicCountsTests(DatabaseProvider.Postgres);
