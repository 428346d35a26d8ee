using System.Diagnostics;
using System.Net;
using Gallery.Bench.Measure;

namespace Gallery.Bench.Load;

/// <summary>
/// The in-process load generator: one HttpClient (SocketsHttpHandler, MaxConnectionsPerServer = connections) and as
/// many workers as connections, each sending the request again as soon as the previous answer was read to the end.
/// Bounded by time and by request count, whichever comes first.
/// </summary>
public sealed class LoadLoop : ILoadGenerator
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    public string Description => "in-process HttpClient loop";

    public bool Supports(LoadRequest request) => true;

    public async Task<LoadResult> RunAsync(LoadRequest request, LoadSettings settings, CancellationToken cancellationToken)
    {
        request.EnsureLoopback();
        using var http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = settings.Connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            Timeout = RequestTimeout,
        };
        if (settings.Warmup > TimeSpan.Zero)
        {
            await RunPhaseAsync(http, request, settings.Connections, settings.Warmup, settings.MaxRequests, cancellationToken);
        }

        return await RunPhaseAsync(http, request, settings.Connections, settings.Duration, settings.MaxRequests, cancellationToken);
    }

    private static async Task<LoadResult> RunPhaseAsync(
        HttpClient http, LoadRequest request, int connections, TimeSpan duration, long maxRequests, CancellationToken cancellationToken)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var method = new HttpMethod(request.Method);
        long issued = 0;
        long errors = 0;
        var latencies = new List<double>[connections];
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var buffer = new byte[64 * 1024];
            var mine = latencies[worker] = [];
            while (Stopwatch.GetTimestamp() < stopAt && Interlocked.Increment(ref issued) <= maxRequests && !cancellationToken.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var message = new HttpRequestMessage(method, request.Url);
                    if (request.Accept is not null)
                    {
                        message.Headers.TryAddWithoutValidation("Accept", request.Accept);
                    }

                    if (request.Authorization is not null)
                    {
                        message.Headers.TryAddWithoutValidation("Authorization", request.Authorization);
                    }

                    using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                    await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                    while (await body.ReadAsync(buffer, cancellationToken) > 0)
                    {
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();
        cancellationToken.ThrowIfCancellationRequested();

        var all = latencies.SelectMany(l => l).ToArray();
        if (all.Length == 0)
        {
            throw new BenchException($"no request completed in {duration.TotalSeconds:0.#} s against {request.Url}");
        }

        return new LoadResult(all.Length, Interlocked.Read(ref errors), clock.Elapsed, Stats.Percentile(all, 50), Stats.Percentile(all, 99));
    }
}
