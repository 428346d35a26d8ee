using Registry.Core;
using Xunit;

namespace Gallery.Testing;

/// <summary>
/// One registry host per test collection, on SQLite or PostgreSQL, with blobs on the filesystem or in a bucket of the
/// test RADOS Gateway. Tests use distinct repository names, so they share it safely.
/// </summary>
public abstract class RegistryFixture(DatabaseProvider provider, bool s3 = false, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    private TestDatabase? _database;
    private TestBucket? _bucket;
    private RegistryHost? _host;

    public RegistryHost Host => _host ?? throw new InvalidOperationException("the fixture has not started");

    public TestDatabase Database => _database ?? throw new InvalidOperationException("the fixture has not started");

    public DatabaseProvider Provider => provider;

    /// <summary>The bucket blobs live in; null when they live on the filesystem.</summary>
    public TestBucket? Bucket => _bucket;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _bucket = s3 ? await TestBucket.CreateAsync() : null;
        var all = (_bucket?.Settings ?? new Dictionary<string, string?>()).Concat(settings ?? new Dictionary<string, string?>())
            .ToDictionary(p => p.Key, p => p.Value);
        _host = await RegistryHost.StartAsync(_database, all);
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

        if (_bucket is not null)
        {
            await _bucket.DisposeAsync();
        }
    }
}

public sealed class SqliteRegistryFixture() : RegistryFixture(DatabaseProvider.Sqlite);

public sealed class PostgresRegistryFixture() : RegistryFixture(DatabaseProvider.Postgres);

/// <summary>PostgreSQL and an S3 bucket: what a node of a multi-node deployment runs on.</summary>
public sealed class PostgresS3RegistryFixture() : RegistryFixture(DatabaseProvider.Postgres, s3: true);

/// <summary>A registry that reads SBOMs only up to 256 KiB (Gallery:Supply:MaxSbomBytes), so a test can push one beyond it.</summary>
public abstract class SmallSbomLimitFixture(DatabaseProvider provider) : RegistryFixture(provider, settings: new Dictionary<string, string?> { ["Gallery:Supply:MaxSbomBytes"] = SmallSbomLimitFixture.Limit.ToString() })
{
    public const int Limit = 256 * 1024;
}

public sealed class SqliteSmallSbomLimitFixture() : SmallSbomLimitFixture(DatabaseProvider.Sqlite);

public sealed class PostgresSmallSbomLimitFixture() : SmallSbomLimitFixture(DatabaseProvider.Postgres);
