using Registry.Core;
using Xunit;

namespace Gallery.Testing;

/// <summary>One registry host per test collection, on SQLite or PostgreSQL. Tests use distinct repository names, so they share it safely.</summary>
public abstract class RegistryFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private RegistryHost? _host;

    public RegistryHost Host => _host ?? throw new InvalidOperationException("the fixture has not started");

    public TestDatabase Database => _database ?? throw new InvalidOperationException("the fixture has not started");

    public DatabaseProvider Provider => provider;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _host = await RegistryHost.StartAsync(_database);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class SqliteRegistryFixture() : RegistryFixture(DatabaseProvider.Sqlite);

public sealed class PostgresRegistryFixture() : RegistryFixture(DatabaseProvider.Postgres);
