using System.Net;
using System.Text.Json;
using Gallery.Testing;
using Gallery.Testing.Processes;
using Registry.Core;

namespace Gallery.EndToEnd.Tests.Operations;

/// <summary>
/// A server run as an operator would behind a proxy with a monitoring network: JSON console logs
/// (<c>Logging__Console__FormatterName=json</c>), one line per request without secrets, and /metrics on its own port only.
/// </summary>
public sealed class RequestLogTests(RequestLogTests.Server server) : IClassFixture<RequestLogTests.Server>
{
    private GalleryProcess Gallery => server.Gallery;

    [Fact]
    public async Task Every_request_is_one_json_line_without_query_strings_or_credentials()
    {
        const string secret = "s3cr3t-in-the-query";
        using (await Gallery.Client.GetAsync(Gallery.Url($"api/search?searchTerm=logs&token={secret}"))) { }
        using (var token = new HttpRequestMessage(HttpMethod.Get, Gallery.Url($"token?service=x&scope=repository:tests/logs:pull&account={secret}")))
        {
            token.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("GKNOBODY:" + secret)));
            using (await Gallery.Client.SendAsync(token)) { }
        }

        var requests = await WaitForRequestLinesAsync("/api/search", "/token");
        var search = Assert.Single(requests, r => r.GetProperty("State").GetProperty("Route").GetString() == "/api/search");
        Assert.Equal("GET", search.GetProperty("State").GetProperty("Method").GetString());
        Assert.Equal(200, search.GetProperty("State").GetProperty("StatusCode").GetInt32());
        Assert.True(search.GetProperty("State").GetProperty("DurationMs").GetDouble() > 0, "a request takes some time");
        Assert.Matches("^[0-9a-f]{32}$", search.GetProperty("State").GetProperty("TraceId").GetString());
        Assert.Contains(requests, r => r.GetProperty("State").GetProperty("Route").GetString() == "/token");
        Assert.DoesNotContain(secret, Gallery.OutputTail, StringComparison.Ordinal);
        Assert.DoesNotContain("searchTerm=", Gallery.OutputTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_are_served_on_their_own_port_only()
    {
        var scrape = await PrometheusScrape.ReadAsync(Gallery.Client, new Uri($"http://127.0.0.1:{server.MetricsPort}/metrics"));
        Assert.True(scrape.Has("gallery_upload_sessions_open"), scrape.Text);

        using var main = await Gallery.Client.GetAsync(Gallery.Url("metrics"));
        Assert.Equal(HttpStatusCode.NotFound, main.StatusCode);
    }

    /// <summary>The request lines the server printed, parsed; waits until the console logger has written one for each route.</summary>
    private async Task<IReadOnlyList<JsonElement>> WaitForRequestLinesAsync(params string[] routes)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var lines = Gallery.OutputTail.Split('\n')
                .Where(l => l.StartsWith('{'))
                .Select(l => JsonDocument.Parse(l).RootElement.Clone())
                .Where(e => e.GetProperty("Category").GetString() == "Gallery.Requests")
                .ToList();
            var seen = lines.Select(l => l.GetProperty("State").GetProperty("Route").GetString()).ToHashSet();
            if (routes.All(seen.Contains) || DateTime.UtcNow > deadline)
            {
                return lines;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The server both tests share: JSON logs, metrics on their own port.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private TestDatabase? _database;
        private GalleryProcess? _gallery;

        public int MetricsPort { get; } = FreePort.Next();

        public GalleryProcess Gallery => _gallery!;

        public async Task InitializeAsync()
        {
            _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            _gallery = await GalleryProcess.StartAsync(_database, new Dictionary<string, string?>
            {
                ["Logging__Console__FormatterName"] = "json",
                ["Gallery__Metrics__Url"] = $"http://127.0.0.1:{MetricsPort}",
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
}
