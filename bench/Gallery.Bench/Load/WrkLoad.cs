using System.Globalization;
using Gallery.Bench.Processes;

namespace Gallery.Bench.Load;

/// <summary>
/// wrk (Debian's package) as the load generator: a C client that leaves more of a small machine's CPU to the server
/// than an in-process loop does. A generated Lua script sets the method and Accept header and prints exact counts and
/// percentiles. wrk is bounded by time (-d, whole seconds); the process itself by a kill timeout.
/// </summary>
public sealed class WrkLoad(string executable, int threads) : ILoadGenerator
{
    public const string DefaultPath = "/usr/bin/wrk";
    private const string Marker = "GALLERY_BENCH";

    public string Description => $"wrk, {threads} thread{(threads == 1 ? "" : "s")}";

    /// <summary>
    /// Not HEAD: wrk 4.1 parses a HEAD answer's Content-Length as a body still to come and waits for it, so every
    /// connection stalls after its first request.
    /// </summary>
    public bool Supports(LoadRequest request) => request.Method != "HEAD";

    public async Task<LoadResult> RunAsync(LoadRequest request, LoadSettings settings, CancellationToken cancellationToken)
    {
        request.EnsureLoopback();
        var script = Path.Combine(Path.GetTempPath(), $"gallery-bench-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, Script(request), cancellationToken);
        try
        {
            if (settings.Warmup > TimeSpan.Zero)
            {
                await RunWrkAsync(request, script, settings.Connections, settings.Warmup, cancellationToken);
            }

            return await RunWrkAsync(request, script, settings.Connections, settings.Duration, cancellationToken);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private async Task<LoadResult> RunWrkAsync(LoadRequest request, string script, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var seconds = Math.Max(1, (int)Math.Round(duration.TotalSeconds));
        string[] arguments =
        [
            "-t", Math.Min(threads, connections).ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{seconds}s",
            "--timeout", "5s",
            "-s", script,
            request.Url.AbsoluteUri,
        ];
        var result = await ProcessRunner.RunAsync(executable, arguments, TimeSpan.FromSeconds(seconds + 30), cancellationToken);
        var line = result.StandardOutput.Split('\n').FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
        if (result.ExitCode != 0 || line is null)
        {
            throw new BenchException($"wrk {string.Join(' ', arguments)} failed (exit {result.ExitCode}):\n{result.Output}");
        }

        var values = line[Marker.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var (requests, microseconds, errors, p50, p99) = ((long)values[0], values[1], (long)values[2..7].Sum(), values[7], values[8]);
        if (requests == 0)
        {
            throw new BenchException($"wrk completed no request in {seconds} s against {request.Url}:\n{result.Output}");
        }

        return new LoadResult(requests, errors, TimeSpan.FromMicroseconds(microseconds), p50 / 1000, p99 / 1000);
    }

    private static string Script(LoadRequest request)
    {
        var accept = request.Accept is null ? "" : $"wrk.headers[\"Accept\"] = \"{request.Accept}\"";
        var authorization = request.Authorization is null ? "" : $"wrk.headers[\"Authorization\"] = \"{request.Authorization}\"";
        return $$"""
            wrk.method = "{{request.Method}}"
            {{accept}}
            {{authorization}}
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("{{Marker}} %.0f %.0f %.0f %.0f %.0f %.0f %.0f %.3f %.3f\n",
                summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
                latency:percentile(50), latency:percentile(99)))
            end
            """;
    }
}
