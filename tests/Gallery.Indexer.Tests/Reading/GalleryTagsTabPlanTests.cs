using System.Data.Common;
using Gallery.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Registry.Core;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Gallery.Indexer.Reading;

namespace Gallery.Indexer.Tests.Reading;

/// <summary>
/// A repository's tags tab does work that grows with that repository, never with the catalog: on PostgreSQL, with a
/// catalog of 30,000 images and one repository of 2,000 tags (statistics analysed, as a running server has them), the
/// page issues a fixed number of queries and none of them reads a whole catalog table. Joined to the images by id
/// alone, the tags were hashed against every image of the catalog (70 ms at 100,000 images) on every render.
/// </summary>
public sealed class GalleryTagsTabPlanTests : IAsyncLifetime
{
    private const string FullName = "acme/many-tags";
    private const int Tags = 2000;
    private const int Catalog = 30_000;

    private static readonly string[] CatalogTables = ["Repositories", "Manifests", "Tags", "ImagePlatforms"];

    private readonly List<DbCommand> _commands = [];
    private TestDatabase? _database;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var db = Context(record: false);
        await db.Database.MigrateAsync();
        var registry = new PublicRegistry { RegistryId = "100000000001", Alias = "acme", DefaultAlias = "acme", DisplayName = "Acme", CreatedAt = DateTime.UtcNow };
        db.Registries.Add(registry);
        var repository = new Repository { Registry = registry, Name = "many-tags", FullName = FullName, CreatedAt = DateTime.UtcNow, HasImages = true };
        db.Repositories.Add(repository);
        await db.SaveChangesAsync();
        var manifest = new Manifest
        {
            RepositoryId = repository.Id, Digest = $"sha256:{new string('a', 64)}", MediaType = "application/vnd.oci.image.manifest.v1+json",
            PushedAt = DateTime.UtcNow, Platforms = [new ImagePlatform { Os = "linux", Architecture = "amd64" }],
        };
        db.Tags.AddRange(Enumerable.Range(0, Tags).Select(i => new Tag { RepositoryId = repository.Id, Name = $"1.{i}.0", Manifest = manifest, UpdatedAt = DateTime.UtcNow }));
        await db.SaveChangesAsync();
        var catalog = $"""
            INSERT INTO "Repositories" ("RegistryId", "Name", "FullName", "CreatedAt", "Architectures", "OperatingSystems", "PullCount", "HasImages", "TagCount")
            SELECT {registry.Id}, 'other-' || g, 'acme/other-' || g, now(), ARRAY[]::text[], ARRAY[]::text[], 0, true, 1 FROM generate_series(1, {Catalog}) g;
            INSERT INTO "Manifests" ("RepositoryId", "Digest", "MediaType", "Size", "ImageSize", "PushedAt")
            SELECT "Id", 'sha256:' || lpad(to_hex("Id"), 64, '0'), 'application/vnd.oci.image.manifest.v1+json', 1, 1, now()
            FROM "Repositories" WHERE "FullName" LIKE 'acme/other-%';
            INSERT INTO "ImagePlatforms" ("ManifestId", "Os", "Architecture", "Size") SELECT "Id", 'linux', 'amd64', 1 FROM "Manifests" WHERE "RepositoryId" <> {repository.Id};
            INSERT INTO "Tags" ("RepositoryId", "Name", "ManifestId", "UpdatedAt") SELECT "RepositoryId", 'latest', "Id", now() FROM "Manifests" WHERE "RepositoryId" <> {repository.Id};
            ANALYZE;
            """;
        await db.Database.ExecuteSqlRawAsync(catalog);
    }

    public async Task DisposeAsync() => await _database!.DisposeAsync();

    [Fact]
    public async Task The_tags_tab_issues_a_fixed_number_of_queries_none_reading_a_whole_catalog_table()
    {
        await using (var db = Context(record: true))
        {
            var reader = new GalleryReader(db);
            var repository = await reader.GetRepositoryAsync(FullName);
            Assert.Equal(Tags, repository!.TagCount);
            var page = await reader.GetTagsAsync(new TagQuery(FullName, null, TagSort.Newest, 2, 50));
            Assert.Equal(50, page.Rows.Count);
            Assert.Equal(Tags - 1, page.Rows[0].AlsoTagged.Count);
        }

        Assert.InRange(_commands.Count, 1, 12);
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        foreach (var command in _commands)
        {
            var plan = await ExplainAsync(connection, command);
            foreach (var table in CatalogTables)
            {
                Assert.False(plan.Contains($"Seq Scan on \"{table}\"", StringComparison.Ordinal), $"reads all of {table}:\n{command.CommandText}\n{plan}");
            }
        }
    }

    private static async Task<string> ExplainAsync(NpgsqlConnection connection, DbCommand command)
    {
        await using var explain = new NpgsqlCommand("EXPLAIN " + command.CommandText, connection);
        foreach (NpgsqlParameter parameter in command.Parameters)
        {
            explain.Parameters.Add(parameter.Clone());
        }

        var lines = new List<string>();
        await using var rows = await explain.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            lines.Add(rows.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private PostgresRegistryDbContext Context(bool record)
    {
        var options = new DbContextOptionsBuilder<PostgresRegistryDbContext>().UseNpgsql(_database!.ConnectionString);
        if (record)
        {
            options.AddInterceptors(new Recorder(_commands));
        }

        return new PostgresRegistryDbContext(options.Options);
    }

    /// <summary>Keeps a copy of every query the reader sends (text and parameters), to explain afterwards.</summary>
    private sealed class Recorder(List<DbCommand> commands) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            var copy = new NpgsqlCommand(command.CommandText);
            foreach (NpgsqlParameter parameter in command.Parameters)
            {
                copy.Parameters.Add(parameter.Clone());
            }

            commands.Add(copy);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
