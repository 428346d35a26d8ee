using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Gallery.Bench.Cli;
using Gallery.Bench.Measure;
using Gallery.Bench.Oci;
using Gallery.Bench.Processes;
using Gallery.Bench.Reporting;
using Gallery.Bench.Servers;

namespace Gallery.Bench.Suites.Search;

/// <summary>
/// Push-to-searchable latency on our real server (Gallery.Web, indexer in-process): for each of 200 pushes (quick
/// 50) to a new repository, the time from the manifest PUT's response to the first /api/search that finds it,
/// polling every millisecond. No peer: Distribution has no search.
/// </summary>
public sealed class FreshnessSuite : ISuite
{
    private const string IndexMediaType = "application/vnd.oci.image.index.v1+json";

    public string Name => "freshness";

    public async Task<SuiteReport> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var started = Progress.Elapsed;
        var pushes = options.Quick ? 50 : 200;
        PostgresCluster? postgres = null;
        try
        {
            if (options.Database == DatabaseKind.Postgres)
            {
                postgres = await PostgresCluster.StartAsync(cancellationToken);
            }

            await using var ours = await OurServer.StartAsync(postgres?.ConnectionString, cancellationToken);
            using var http = RegistryClient.CreateHttpClient(maxConnections: 4);
            var registry = new RegistryClient(http, ours.BaseAddress, ours.Credentials);
            Progress.Line($"freshness: {pushes} pushes to {ours.Description}, each polled on /api/search until found");
            var samples = new List<double>(pushes);
            for (var i = 0; i < pushes; i++)
            {
                var repository = $"{OurServer.Alias}/fresh-{i:D4}";
                var manifest = Encoding.UTF8.GetBytes($$$"""{"schemaVersion":2,"mediaType":"{{{IndexMediaType}}}","manifests":[],"annotations":{"n":"{{{i}}}"}}""");
                await registry.PutManifestAsync(repository, "latest", manifest, IndexMediaType, cancellationToken);
                var clock = Stopwatch.StartNew();
                while (!await FoundAsync(http, ours.BaseAddress, repository, cancellationToken))
                {
                    if (clock.Elapsed > TimeSpan.FromSeconds(30))
                    {
                        throw new BenchException($"{repository} was not searchable 30 s after its push");
                    }

                    await Task.Delay(1, cancellationToken);
                }

                samples.Add(clock.Elapsed.TotalMilliseconds);
            }

            Figure[] figures =
            [
                new("freshness.p50", $"push → found by search, p50 of {pushes}", "ms", Better.Lower, samples, [], Comparable: false),
                new("freshness.p99", $"push → found by search, p99 of {pushes}", "ms", Better.Lower, [Stats.Percentile(samples, 99)], [], Target.OursBelow(1000), Comparable: false),
            ];
            return new SuiteReport(Name, options.Quick, options.Database.ToString(), "HttpClient", ours.Description, "—",
                new Dictionary<string, string> { ["pushes"] = pushes.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                figures, ["each push is one manifest PUT (an OCI index) to a new repository; the clock starts at the PUT's response"], startedAt, Progress.Elapsed - started);
        }
        finally
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }
        }
    }

    private static async Task<bool> FoundAsync(HttpClient http, Uri baseAddress, string repository, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(baseAddress, $"api/search?searchTerm={Uri.EscapeDataString(repository)}&pageSize=5"), cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
        return json.RootElement.GetProperty("hits").EnumerateArray().Any(h => h.GetProperty("fullName").GetString() == repository);
    }
}
