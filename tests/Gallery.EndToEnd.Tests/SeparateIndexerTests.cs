using System.Diagnostics;
using System.Text.Json;
using Gallery.Testing;
using Gallery.Testing.OciLayouts;
using Gallery.Testing.Processes;
using Registry.Core;

namespace Gallery.EndToEnd.Tests;

/// <summary>
/// The deployment README describes for more than one web process: Gallery.Indexer runs alone and writes the index,
/// Gallery.Web (Gallery__Index__Worker=false) only reads it. A push to the web process reaches the indexer through
/// the database (PostgreSQL NOTIFY, or its poll on SQLite), and the web process sees the indexer's commit.
/// </summary>
public abstract class SeparateIndexerTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly TempDirectory _temp = new("e2e-indexer");
    private TestDatabase? _database;
    private GalleryProcess? _web;
    private IndexerProcess? _indexer;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _web = await GalleryProcess.StartAsync(_database, new Dictionary<string, string?> { ["Gallery__Index__Worker"] = "false" });
        _indexer = await IndexerProcess.StartAsync(_database);
    }

    [Fact]
    public async Task A_push_to_a_reading_web_process_is_found_by_its_search_and_pages()
    {
        var web = _web!;
        var name = "split-" + Guid.NewGuid().ToString("N")[..8];
        var repository = $"{TestPublisher.Alias}/{name}";
        var (layout, _) = OciLayouts.SingleLayer(_temp.Sub("push"), repository, "1.0");
        await Skopeo.CopyAsync(References.Oci(layout.Directory, "1.0"), References.Docker(web.Authority, repository, "1.0"));

        var waited = Stopwatch.StartNew();
        while (await TotalAsync(web, name) == 0)
        {
            Assert.True(waited.Elapsed < Deadline, $"{repository} was not searchable through the reading web process within {Deadline.TotalSeconds} s.\n--- indexer ---\n{_indexer!.OutputTail}\n--- web ---\n{web.OutputTail}");
            await Task.Delay(100);
        }

        var page = await web.Client.GetStringAsync(web.Url($"search?searchTerm={name}"));
        Assert.Contains($"href=\"/{repository}\"", page);
    }

    private static async Task<long> TotalAsync(GalleryProcess web, string text)
    {
        using var response = await web.Client.GetAsync(web.Url($"api/search?searchTerm={text}"));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return json.RootElement.GetProperty("total").GetInt64();
    }

    public async Task DisposeAsync()
    {
        if (_indexer is not null)
        {
            await _indexer.DisposeAsync();
        }

        if (_web is not null)
        {
            await _web.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _temp.Dispose();
    }
}

public sealed class SqliteSeparateIndexerTests() : SeparateIndexerTests(DatabaseProvider.Sqlite);

public sealed class PostgresSeparateIndexerTests() : SeparateIndexerTests(DatabaseProvider.Postgres);
