using Gallery.Bench.Load;
using Gallery.Bench.Reporting;

namespace Gallery.Bench.Suites.Registry;

/// <summary>
/// One request under load on both servers with the same generator: requests/s, p50 and p99 latency as three figures.
/// Any error answer is counted and reported; a run with more than 1% errors fails the suite.
/// </summary>
public static class LoadFigures
{
    public static async Task<IReadOnlyList<Figure>> MeasureAsync(
        RegistryRun run, int turn, string id, string title, Func<RegistryTarget, LoadRequest> request, Target? target, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, LoadResult>();
        var tool = run.LoadFor(request(run.Ours));
        if (tool != run.Load)
        {
            run.Notes.Add($"{title}: {run.Load.Description} cannot send it; both servers measured with the {tool.Description}");
        }

        foreach (var server in run.InTurn(turn))
        {
            var settings = run.Sizes.Load;
            Progress.Line($"registry: {title}, {server.Role}: {settings.Connections} connections for {settings.Duration.TotalSeconds:0} s ({tool.Description})");
            var result = await tool.RunAsync(request(server), settings, cancellationToken);
            Progress.Line($"registry: {title}, {server.Role}: {result}");
            if (result.Errors > result.Requests / 100)
            {
                throw new BenchException($"{title} on {server.Role}: {result.Errors} of {result.Requests} requests failed");
            }

            results[server.Role] = result;
        }

        var (ours, peer) = (results["ours"], results["peer"]);
        var note = $"{tool.Description}, {run.Sizes.Load.Connections} connections; requests: ours {ours.Requests}, peer {peer.Requests}; errors: ours {ours.Errors}, peer {peer.Errors}";
        return
        [
            new Figure($"{id}-rps", $"{title}, {run.Sizes.Load.Connections} conns", "req/s", Better.Higher, [ours.RequestsPerSecond], [peer.RequestsPerSecond], target, note),
            new Figure($"{id}-p50", $"{title} p50 latency", "ms", Better.Lower, [ours.P50Milliseconds], [peer.P50Milliseconds]),
            new Figure($"{id}-p99", $"{title} p99 latency", "ms", Better.Lower, [ours.P99Milliseconds], [peer.P99Milliseconds]),
        ];
    }
}
