using Gallery.Testing;
using Gallery.Testing.Processes;
using Registry.Core;

namespace Gallery.EndToEnd.Tests;

/// <summary>
/// One real Gallery.Web process per database provider, shared by every test class in that provider's collection.
/// Tests in a collection run one at a time (so one may restart the server); each uses its own repository names.
/// </summary>
public abstract class GalleryFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private GalleryProcess? _gallery;

    public DatabaseProvider Provider => provider;

    public GalleryProcess Gallery => _gallery ?? throw new InvalidOperationException("the fixture has not started");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        // Every console test signs up and in from 127.0.0.1: the per-address limit on account posts is for a real
        // server's visitors (AccountFormLimitsTests covers it on its own server).
        // Webhook tests deliver to a receiver on 127.0.0.1.
        _gallery = await GalleryProcess.StartAsync(_database, new Dictionary<string, string?>
        {
            ["Gallery__Console__AccountPostsPerMinute"] = "0",
            ["Gallery__Webhooks__AllowPrivateTargets"] = "true",
        });
    }

    public async Task DisposeAsync()
    {
        if (_gallery is not null)
        {
            await _gallery.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class SqliteGalleryFixture() : GalleryFixture(DatabaseProvider.Sqlite);

public sealed class PostgresGalleryFixture() : GalleryFixture(DatabaseProvider.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteGallery : ICollectionFixture<SqliteGalleryFixture>
{
    public const string Name = "Gallery.Web process on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresGallery : ICollectionFixture<PostgresGalleryFixture>
{
    public const string Name = "Gallery.Web process on PostgreSQL";
}
