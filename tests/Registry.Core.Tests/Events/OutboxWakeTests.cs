using Gallery.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Data;
using Registry.Core.Events;
using Registry.Core.Tests.Http;
using Registry.Core;

namespace Registry.Core.Tests.Events;

/// <summary>The outbox wakes its followers where it is written: when saved events commit, never before, never when rolled back.</summary>
public abstract class OutboxWakeTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly RegistryEventSignal _signal = new();

    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_saved_event_wakes_at_once_and_a_save_without_one_does_not()
    {
        await using var db = NewContext();
        var waiting = _signal.WaitAsync(CancellationToken.None);
        db.AddEvent(RegistryEventTypes.CatalogUpdated, "acme/one");
        await db.SaveChangesAsync();
        Assert.True(waiting.IsCompletedSuccessfully);

        var idle = _signal.WaitAsync(CancellationToken.None);
        db.Registries.Add(new() { RegistryId = "123456789012", Alias = "quiet", DefaultAlias = "quiet", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        Assert.False(idle.IsCompleted);
    }

    [Fact]
    public async Task An_event_saved_in_a_transaction_wakes_when_it_commits()
    {
        await using var db = NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var waiting = _signal.WaitAsync(CancellationToken.None);
        db.AddEvent(RegistryEventTypes.CatalogUpdated, "acme/two");
        await db.SaveChangesAsync();
        Assert.False(waiting.IsCompleted);

        await transaction.CommitAsync();
        Assert.True(waiting.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task An_event_rolled_back_wakes_nobody_not_even_at_the_next_commit()
    {
        await using var db = NewContext();
        var waiting = _signal.WaitAsync(CancellationToken.None);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.AddEvent(RegistryEventTypes.CatalogUpdated, "acme/three");
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        db.ChangeTracker.Clear();
        await using (var next = await db.Database.BeginTransactionAsync())
        {
            await next.CommitAsync();
        }

        Assert.False(waiting.IsCompleted);
        Assert.Equal(0, await db.Events.CountAsync(e => e.Repository == "acme/three"));
    }

    [Fact]
    public async Task A_push_through_the_registry_wakes_the_followers_before_it_answers()
    {
        await using var host = await RegistryHost.StartAsync(_database);
        var signal = host.Services.GetRequiredService<RegistryEventSignal>();
        var waiting = signal.WaitAsync(CancellationToken.None);
        await new RegistryApi(host.Client).PushImageAsync($"{TestPublisher.Alias}/woken", TestImage.Create(), "v1");
        Assert.True(waiting.IsCompletedSuccessfully);
    }

    private RegistryDbContext NewContext()
    {
        var interceptor = new OutboxWakeInterceptor(_signal);
        if (provider == DatabaseProvider.Postgres)
        {
            var options = new DbContextOptionsBuilder<PostgresRegistryDbContext>();
            RegistryDatabase.ConfigurePostgres(options, _database.ConnectionString!).AddInterceptors(interceptor);
            return new PostgresRegistryDbContext(options.Options);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteRegistryDbContext>();
        RegistryDatabase.ConfigureSqlite(sqlite, RegistryDatabase.SqliteConnectionString(_database.DataPath)).AddInterceptors(interceptor);
        return new SqliteRegistryDbContext(sqlite.Options);
    }
}

public sealed class SqliteOutboxWakeTests() : OutboxWakeTests(DatabaseProvider.Sqlite);

public sealed class PostgresOutboxWakeTests() : OutboxWakeTests(DatabaseProvider.Postgres);
