using System.Data.Common;
using Gallery.Indexer.Artifacts;
using Gallery.Indexer.Reading;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Gallery.Indexer.Tests.Reading;

/// <summary>
/// On SQLite (the embedded default) a repository page's supply-chain badges and the latest badge look up one
/// repository's rows, never every row of a catalog table: SQLite does not turn an EXISTS on each row into a join, so
/// a tag filtered by "its repository is named so" read all 351,000 tags of the 100k catalog (27 ms per render) and a
/// platform filtered so read all 205,000 platforms (24 ms per badge).
/// </summary>
public sealed class RepositoryPagePlanSqliteTests : IAsyncLifetime
{
    private const string FullName = "acme/app";

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.db");
    private readonly List<DbCommand> _commands = [];

    public async Task InitializeAsync()
    {
        await using var db = Context(record: false);
        await db.Database.MigrateAsync();
        var registry = new PublicRegistry { RegistryId = "100000000001", Alias = "acme", DefaultAlias = "acme", DisplayName = "Acme", CreatedAt = DateTime.UtcNow };
        db.Registries.Add(registry);
        foreach (var name in new[] { "app", "other", "third" })
        {
            var repository = new Repository { Registry = registry, Name = name, FullName = $"acme/{name}", CreatedAt = DateTime.UtcNow, HasImages = true };
            db.Repositories.Add(repository);
            await db.SaveChangesAsync();
            var manifest = new Manifest
            {
                RepositoryId = repository.Id, Digest = $"sha256:{new string(name[0], 64)}", MediaType = "application/vnd.oci.image.manifest.v1+json",
                PushedAt = DateTime.UtcNow, Platforms = [new ImagePlatform { Os = "linux", Architecture = "amd64" }],
            };
            db.Tags.Add(new Tag { RepositoryId = repository.Id, Name = "latest", Manifest = manifest, UpdatedAt = DateTime.UtcNow });
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Badges_read_one_repository_s_rows_not_the_catalog_s()
    {
        await using (var db = Context(record: true))
        {
            var badge = await new FeedReader(db).BadgeFactsAsync(FullName, CancellationToken.None);
            Assert.Equal(["linux/amd64"], badge!.Platforms);
            var supply = new SupplyChainReader(db);
            await supply.ForTagAsync(FullName, "latest");
            await supply.ForImagesAsync(FullName, [$"sha256:{new string('a', 64)}"]);
        }

        Assert.NotEmpty(_commands);
        await using var connection = new SqliteConnection($"Data Source={_file}");
        await connection.OpenAsync();
        foreach (var command in _commands)
        {
            var plan = await ExplainAsync(connection, command);
            Assert.DoesNotContain(plan, line => line.StartsWith("SCAN ", StringComparison.Ordinal));
        }
    }

    private static async Task<List<string>> ExplainAsync(SqliteConnection connection, DbCommand command)
    {
        await using var explain = new SqliteCommand("EXPLAIN QUERY PLAN " + command.CommandText, connection);
        foreach (SqliteParameter parameter in command.Parameters)
        {
            explain.Parameters.AddWithValue(parameter.ParameterName, parameter.Value);
        }

        var lines = new List<string>();
        await using var rows = await explain.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            lines.Add(rows.GetString(3));
        }

        return lines;
    }

    private SqliteRegistryDbContext Context(bool record)
    {
        var options = new DbContextOptionsBuilder<SqliteRegistryDbContext>().UseSqlite($"Data Source={_file}");
        if (record)
        {
            options.AddInterceptors(new Recorder(_commands));
        }

        return new SqliteRegistryDbContext(options.Options);
    }

    /// <summary>Keeps a copy of every query the readers send (text and parameters), to explain afterwards.</summary>
    private sealed class Recorder(List<DbCommand> commands) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            var copy = new SqliteCommand(command.CommandText);
            foreach (SqliteParameter parameter in command.Parameters)
            {
                copy.Parameters.AddWithValue(parameter.ParameterName, parameter.Value);
            }

            commands.Add(copy);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
