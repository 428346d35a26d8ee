using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using System.Text;
using Gallery.Bench.Cli;
using Gallery.Bench.Measure;
using Gallery.Bench.Oci;
using Gallery.Bench.Processes;
using Gallery.Bench.Reporting;
using Gallery.Bench.Servers;
using Gallery.Testing.Processes;

namespace Gallery.Bench.Suites.Follow;

/// <summary>
/// Push → webhook received: 100 webhooks on one repository point at a receiver in this process (HttpListener on
/// 127.0.0.1); each tag push is timed from the end of its manifest PUT to the arrival of each of its 100 deliveries.
/// </summary>
public sealed class FollowSuite : ISuite
{
    private const int Hooks = 100;

    public string Name => "follow";

    public async Task<SuiteReport> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var started = Progress.Elapsed;
        var pushes = options.Quick ? 10 : 30;
        PostgresCluster? postgres = null;
        try
        {
            if (options.Database == DatabaseKind.Postgres)
            {
                postgres = await PostgresCluster.StartAsync(cancellationToken);
            }

            await using var ours = await OurServer.StartAsync(postgres?.ConnectionString, cancellationToken,
                settings: new Dictionary<string, string> { ["Gallery__Webhooks__AllowPrivateTargets"] = "true" });
            using var http = RegistryClient.CreateHttpClient(maxConnections: 16);
            var registry = new RegistryClient(http, ours.BaseAddress, ours.Credentials);
            var repository = $"{OurServer.Alias}/hooked";
            var image = TestImage.Create(layerCount: 1, layerBytes: 1024);
            await image.PushAsync(registry, repository, "latest", cancellationToken);

            var port = FreePort.Next();
            using var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            listener.Start();
            var arrivals = new ConcurrentDictionary<string, ConcurrentBag<long>>();
            var receiving = ReceiveAsync(listener, arrivals, cancellationToken);
            for (var i = 0; i < Hooks; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ours.BaseAddress, "api/webhooks"))
                {
                    Content = JsonContent.Create(new { repository, url = $"http://127.0.0.1:{port}/hook/{i}", secret = "bench-webhook-secret-0123456789", events = new[] { "tag.moved" } }),
                };
                var (user, password) = ours.Credentials!.Value;
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new BenchException($"registering a webhook answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }

            Progress.Line($"follow: {Hooks} webhooks registered; {pushes} tag pushes");
            var latencies = new List<double>();
            for (var i = 0; i < pushes; i++)
            {
                var tag = $"t{i:D3}";
                await registry.PutManifestAsync(repository, tag, image.Manifest, TestImage.ManifestMediaType, cancellationToken);
                var pushed = Stopwatch.GetTimestamp();
                var waited = Stopwatch.StartNew();
                while (!arrivals.TryGetValue(tag, out var bag) || bag.Count < Hooks)
                {
                    if (waited.Elapsed > TimeSpan.FromSeconds(60))
                    {
                        throw new BenchException($"only {(arrivals.TryGetValue(tag, out var some) ? some.Count : 0)} of {Hooks} deliveries of {tag} arrived within 60 s");
                    }

                    await Task.Delay(5, cancellationToken);
                }

                latencies.AddRange(arrivals[tag].Select(at => Stopwatch.GetElapsedTime(pushed, at).TotalMilliseconds));
            }

            listener.Stop();
            await receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            Progress.Line($"follow: push → webhook received p50 {Stats.Median(latencies):0.0} ms, p99 {Stats.Percentile(latencies, 99):0.0} ms");
            var figures = new List<Figure>
            {
                new("follow.webhook.p50", $"push → webhook received p50, {Hooks} webhooks", "ms", Better.Lower, [Stats.Median(latencies)], [], Comparable: false),
                new("follow.webhook.p99", $"push → webhook received p99, {Hooks} webhooks", "ms", Better.Lower, [Stats.Percentile(latencies, 99)], [], Target.OursBelow(2000), Comparable: false),
            };
            return new SuiteReport(Name, options.Quick, options.Database.ToString(), "HttpListener receiver in the bench process", ours.Description, "—",
                new Dictionary<string, string>
                {
                    ["webhooks"] = Hooks.ToString(CultureInfo.InvariantCulture),
                    ["pushes"] = pushes.ToString(CultureInfo.InvariantCulture),
                },
                figures, ["each push is a tag PUT of a stored manifest (one tag.moved event); latency from the PUT's response to each delivery's arrival"],
                startedAt, Progress.Elapsed - started);
        }
        finally
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }
        }
    }

    private static async Task ReceiveAsync(HttpListener listener, ConcurrentDictionary<string, ConcurrentBag<long>> arrivals, CancellationToken cancellationToken)
    {
        while (listener.IsListening && !cancellationToken.IsCancellationRequested)
        {
            var context = await listener.GetContextAsync();
            var at = Stopwatch.GetTimestamp();
            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var body = JsonDocument.Parse(await reader.ReadToEndAsync(cancellationToken)).RootElement;
                if (body.TryGetProperty("tag", out var tag) && tag.GetString() is { } name)
                {
                    arrivals.GetOrAdd(name, _ => []).Add(at);
                }
            }

            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }
}
