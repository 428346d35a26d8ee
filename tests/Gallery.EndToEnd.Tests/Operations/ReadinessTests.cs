using System.Net;
using System.Text.Json;
using Gallery.Testing;
using Gallery.Testing.Processes;
using Npgsql;
using Registry.Core;

namespace Gallery.EndToEnd.Tests.Operations;

/// <summary>
/// /healthz and /readyz of a real server on its own PostgreSQL database, which the test makes unreachable (no
/// connections allowed, open ones ended) and reachable again, and whose blob directory it takes away and puts back.
/// </summary>
public sealed class ReadinessTests(ReadinessTests.Server server) : IClassFixture<ReadinessTests.Server>
{
    private GalleryProcess Gallery => server.Gallery;

    [Fact]
    public async Task Ready_until_the_database_goes_away_and_again_when_it_is_back()
    {
        var ready = await WaitForReadinessAsync(HttpStatusCode.OK);
        Assert.Equal("healthy", ready.GetProperty("status").GetString());
        foreach (var check in new[] { "database", "blobStore", "index" })
        {
            Assert.Equal("healthy", ready.GetProperty("checks").GetProperty(check).GetProperty("status").GetString());
        }

        Assert.Equal(0, ready.GetProperty("checks").GetProperty("index").GetProperty("lagEvents").GetInt64());
        Assert.True(ready.GetProperty("checks").GetProperty("index").TryGetProperty("lagSeconds", out _));

        await SetConnectionsAllowedAsync(false);
        try
        {
            var down = await WaitForReadinessAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("unhealthy", down.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
            Assert.DoesNotContain("127.0.0.1", down.ToString(), StringComparison.Ordinal);
            using var alive = await Gallery.Client.GetAsync(Gallery.Url("healthz"));
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }
        finally
        {
            await SetConnectionsAllowedAsync(true);
        }

        await WaitForReadinessAsync(HttpStatusCode.OK);
    }

    [Fact]
    public void First_start_creates_the_database_without_logging_a_failure()
    {
        Assert.Contains("Creating the database", server.StartOutput, StringComparison.Ordinal);
        Assert.Contains("Applying", server.StartOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", server.StartOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_ready_while_the_blob_directory_is_missing()
    {
        await WaitForReadinessAsync(HttpStatusCode.OK);
        var blobs = Path.Combine(server.Database.DataPath, "blobs");
        Directory.Move(blobs, blobs + ".away");
        try
        {
            var down = await WaitForReadinessAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("unhealthy", down.GetProperty("checks").GetProperty("blobStore").GetProperty("status").GetString());
            Assert.Equal("healthy", down.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        }
        finally
        {
            Directory.Move(blobs + ".away", blobs);
        }

        await WaitForReadinessAsync(HttpStatusCode.OK);
    }

    /// <summary>Polls /readyz until it answers <paramref name="expected"/> (the pool may hand out one dead connection first).</summary>
    private async Task<JsonElement> WaitForReadinessAsync(HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await Gallery.Client.GetAsync(Gallery.Url("readyz"));
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == expected)
            {
                Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                return JsonDocument.Parse(body).RootElement.Clone();
            }

            Assert.True(DateTime.UtcNow < deadline, $"/readyz still answers {(int)response.StatusCode} {body}, not {(int)expected}\n{Gallery.OutputTail}");
            await Task.Delay(200);
        }
    }

    /// <summary>As a stopped server looks to the registry: new connections refused, open ones ended.</summary>
    private Task SetConnectionsAllowedAsync(bool allowed) => server.SetConnectionsAllowedAsync(allowed);

    /// <summary>The server the tests share, first started on a PostgreSQL database that did not exist (always reachable again when they end).</summary>
    public sealed class Server : IAsyncLifetime
    {
        private TestDatabase? _database;
        private GalleryProcess? _gallery;

        public TestDatabase Database => _database!;

        public GalleryProcess Gallery => _gallery!;

        /// <summary>What the server printed by the time it answered: a first start, on a database that did not exist.</summary>
        public string StartOutput { get; private set; } = "";

        public async Task InitializeAsync()
        {
            _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
            await using (var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)))
            {
                await admin.OpenAsync();
                var name = new NpgsqlConnectionStringBuilder(Database.ConnectionString).Database;
                await using var drop = new NpgsqlCommand($"DROP DATABASE \"{name}\"", admin);
                await drop.ExecuteNonQueryAsync();
            }

            _gallery = await GalleryProcess.StartAsync(_database);
            StartOutput = _gallery.OutputTail;
        }

        public async Task DisposeAsync()
        {
            if (_gallery is not null)
            {
                await _gallery.DisposeAsync();
            }

            if (_database is not null)
            {
                await SetConnectionsAllowedAsync(true);
                await _database.DisposeAsync();
            }
        }

        public async Task SetConnectionsAllowedAsync(bool allowed)
        {
            var name = new NpgsqlConnectionStringBuilder(Database.ConnectionString).Database;
            await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable));
            await admin.OpenAsync();
            await using (var alter = new NpgsqlCommand($"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS {(allowed ? "true" : "false")}", admin))
            {
                await alter.ExecuteNonQueryAsync();
            }

            if (!allowed)
            {
                await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name", admin);
                terminate.Parameters.AddWithValue("name", name!);
                await terminate.ExecuteNonQueryAsync();
            }
        }
    }
}
