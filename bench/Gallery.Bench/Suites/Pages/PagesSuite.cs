using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Gallery.Bench.Cli;
using Gallery.Bench.Load;
using Gallery.Bench.Measure;
using Gallery.Bench.Oci;
using Gallery.Bench.Processes;
using Gallery.Bench.Reporting;
using Gallery.Bench.Servers;

namespace Gallery.Bench.Suites.Pages;

/// <summary>
/// The public gallery pages on our real server: time to first byte (one visitor at a time) and requests/s with
/// latency at 16 concurrent clients, for the home, search and repository pages, plus the server's memory per
/// concurrent visitor (pages are static server rendering: no circuit per visitor). No peer: Distribution has no pages.
/// </summary>
public sealed class PagesSuite : ISuite
{
    private const int Clients = 16;

    public string Name => "pages";

    public async Task<SuiteReport> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var started = Progress.Elapsed;
        var repositories = options.Quick ? 20 : 60;
        var loadSeconds = options.Quick ? 3 : 10;
        PostgresCluster? postgres = null;
        try
        {
            if (options.Database == DatabaseKind.Postgres)
            {
                postgres = await PostgresCluster.StartAsync(cancellationToken);
            }

            await using var ours = await OurServer.StartAsync(postgres?.ConnectionString, cancellationToken);
            using var http = RegistryClient.CreateHttpClient(maxConnections: Clients);
            await SeedAsync(http, ours, repositories, cancellationToken);

            var pages = new (string Id, string Title, string Path)[]
            {
                ("home", "home /", "/"),
                ("search", "search /search?searchTerm=app", "/search?searchTerm=app"),
                ("repository", "repository page", $"/{OurServer.Alias}/app-0001"),
                ("feed", "repository Atom feed", $"/{OurServer.Alias}/app-0001/feed.atom"),
                ("badge", "latest badge", $"/badges/{OurServer.Alias}/app-0001/latest.svg"),
            };
            var figures = new List<Figure>();
            var settings = new LoadSettings(Clients, TimeSpan.FromSeconds(loadSeconds), 2_000_000, TimeSpan.FromSeconds(1));
            var load = new LoadLoop();
            foreach (var page in pages)
            {
                var url = new Uri(ours.BaseAddress, page.Path);
                var samples = options.Quick ? 50 : 200;
                var ttfb = await TimeToFirstByteAsync(http, _ => url, samples, cancellationToken);
                var rendered = await TimeToFirstByteAsync(http, i => Uncached(url, i), samples, cancellationToken);
                Progress.Line($"pages: {page.Title}: TTFB p50 {Stats.Median(ttfb):0.00} ms, rendered (cache bypassed) {Stats.Median(rendered):0.00} ms");
                using var rss = RssSampler.Start(ours.ProcessId, TimeSpan.FromMilliseconds(50));
                var result = await load.RunAsync(new LoadRequest("GET", url), settings, cancellationToken);
                Progress.Line($"pages: {page.Title}, {Clients} clients: {result}");
                figures.Add(new($"pages.{page.Id}.ttfb", $"{page.Title}: TTFB p50, one visitor", "ms", Better.Lower, [Stats.Median(ttfb)], [], Comparable: false));
                figures.Add(new($"pages.{page.Id}.ttfb-rendered", $"{page.Title}: TTFB p50, one visitor, page cache bypassed", "ms", Better.Lower, [Stats.Median(rendered)], [], Comparable: false));
                figures.Add(new($"pages.{page.Id}.rps", $"{page.Title}: {Clients} clients", "req/s", Better.Higher, [result.RequestsPerSecond], [], Comparable: false));
                figures.Add(new($"pages.{page.Id}.p50", $"{page.Title}: p50 latency, {Clients} clients", "ms", Better.Lower, [result.P50Milliseconds], [], Target.OursBelow(30), Comparable: false));
                figures.Add(new($"pages.{page.Id}.p99", $"{page.Title}: p99 latency, {Clients} clients", "ms", Better.Lower, [result.P99Milliseconds], [], Comparable: false));
                figures.Add(new($"pages.{page.Id}.memory", $"{page.Title}: server RSS growth per concurrent visitor", "MiB", Better.Lower, [rss.GrowthMiB / Clients], [], Comparable: false));
                if (result.Errors > 0)
                {
                    throw new BenchException($"{page.Title} answered {result.Errors} errors under load");
                }
            }

            return new SuiteReport(Name, options.Quick, options.Database.ToString(), load.Description, ours.Description, "—",
                new Dictionary<string, string>
                {
                    ["repositories"] = repositories.ToString(CultureInfo.InvariantCulture),
                    ["clients"] = Clients.ToString(CultureInfo.InvariantCulture),
                    ["load"] = $"{loadSeconds} s after 1 s warm-up per page",
                },
                figures, ["TTFB: time to the response headers of one GET at a time; under load: whole responses, read to the end", "anonymous pages come from the page cache (refreshed with the index, at most 1 s old); 'page cache bypassed' adds a fresh query parameter to every request"], startedAt, Progress.Elapsed - started);
        }
        finally
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }
        }
    }

    /// <summary>Repositories with an image and a few tags each, then waits until search finds them all.</summary>
    private static async Task SeedAsync(HttpClient http, OurServer ours, int repositories, CancellationToken cancellationToken)
    {
        var registry = new RegistryClient(http, ours.BaseAddress, ours.Credentials);
        var image = TestImage.Create(layerCount: 2, layerBytes: 4096);
        Progress.Line($"pages: pushing {repositories} repositories to {ours.Description}");
        for (var i = 0; i < repositories; i++)
        {
            var repository = $"{OurServer.Alias}/app-{i:D4}";
            await image.PushAsync(registry, repository, "latest", cancellationToken);
            foreach (var tag in new[] { "1.0.0", "1.1.0", "2.0.0" })
            {
                await registry.PutManifestAsync(repository, tag, image.Manifest, TestImage.ManifestMediaType, cancellationToken);
            }
        }

        var clock = Stopwatch.StartNew();
        while (await SearchTotalAsync(http, ours.BaseAddress, cancellationToken) < repositories)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new BenchException("the pushed repositories were not all searchable after 60 s");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static async Task<long> SearchTotalAsync(HttpClient http, Uri baseAddress, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(baseAddress, "api/search?pageSize=1"), cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        return json.RootElement.GetProperty("total").GetInt64();
    }

    /// <summary>The page under a query string nobody asked for before, so the page cache misses and the page is rendered.</summary>
    private static Uri Uncached(Uri url, int sample) =>
        new($"{url}{(string.IsNullOrEmpty(url.Query) ? "?" : "&")}bench-sample={sample}-{Guid.NewGuid():N}");

    private static async Task<List<double>> TimeToFirstByteAsync(HttpClient http, Func<int, Uri> url, int count, CancellationToken cancellationToken)
    {
        var samples = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(url(i), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
            await response.Content.CopyToAsync(Stream.Null, cancellationToken);
        }

        return samples;
    }
}
