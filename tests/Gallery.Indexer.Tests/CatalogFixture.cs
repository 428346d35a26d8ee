using Gallery.Indexer.Tests.Catalog;
using Gallery.Testing;
using Registry.Core;

namespace Gallery.Indexer.Tests;

/// <summary>One host per provider with <see cref="TestCatalog"/> indexed; the tests that use it only read.</summary>
public abstract class CatalogFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private IndexHost? _host;

    public IndexHost Host => _host ?? throw new InvalidOperationException("the fixture has not started");

    public TestDatabase Database => _database ?? throw new InvalidOperationException("the fixture has not started");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _host = await IndexHost.StartAsync(_database);
        await CatalogSeeder.SeedAsync(_host.Services, TestCatalog.Entries);
        await _host.WaitForIndexAsync();
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

public sealed class SqliteCatalogFixture() : CatalogFixture(DatabaseProvider.Sqlite);

public sealed class PostgresCatalogFixture() : CatalogFixture(DatabaseProvider.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteCatalogCollection : ICollectionFixture<SqliteCatalogFixture>
{
    public const string Name = "catalog on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCatalogCollection : ICollectionFixture<PostgresCatalogFixture>
{
    public const string Name = "catalog on PostgreSQL";
}
