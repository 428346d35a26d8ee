using Gallery.Bench.Load;
using Gallery.Bench.Reporting;

namespace Gallery.Bench.Suites.Registry;

/// <summary>
/// One request under load on both servers with the same generator: requests/s, p50 and p99 latency as three figures.
/// The load time is cut into slices that alternate between the servers (after one warm-up each), so a burst of
/// other work on the machine hits both alike; each figure is the median over the slices. Any error answer is
/// counted; a slice with more than 1% errors fails the suite.
/// </summary>
public static class LoadFigures
{
    public static async Task<IReadOnlyList<Figure>> MeasureAsync(
        RegistryRun run, string id, string title, Func<RegistryTarget, LoadRequest> request, Target? target, CancellationToken cancellationToken)
    {
        var sizes = run.Sizes;
        var tool = run.LoadFor(request(run.Ours));
        if (tool != run.Load)
        {
            run.Notes.Add($"{title}: {run.Load.Description} cannot send it; both servers measured with the {tool.Description}");
        }

        Progress.Line($"registry: {title}: {sizes.Load.Connections} connections, {sizes.LoadSlices} x {sizes.Load.Duration.TotalSeconds:0} s per server, alternating ({tool.Description})");
        var (rps, p50, p99) = (new SamplePair(), new SamplePair(), new SamplePair());
        var totals = new Dictionary<string, (long Requests, long Errors)> { ["ours"] = (0, 0), ["peer"] = (0, 0) };
        for (var slice = 0; slice < sizes.LoadSlices; slice++)
        {
            foreach (var server in run.InTurn(slice))
            {
                var settings = slice == 0 ? sizes.Load : sizes.Load with { Warmup = TimeSpan.Zero };
                var result = await tool.RunAsync(request(server), settings, cancellationToken);
                Progress.Line($"registry: {title}, slice {slice + 1}/{sizes.LoadSlices}, {server.Role}: {result}");
                if (result.Errors > result.Requests / 100)
                {
                    throw new BenchException($"{title} on {server.Role}: {result.Errors} of {result.Requests} requests failed");
                }

                rps.Add(server, result.RequestsPerSecond);
                p50.Add(server, result.P50Milliseconds);
                p99.Add(server, result.P99Milliseconds);
                var (requests, errors) = totals[server.Role];
                totals[server.Role] = (requests + result.Requests, errors + result.Errors);
            }
        }

        var (ours, peer) = (totals["ours"], totals["peer"]);
        var note = $"{tool.Description}, {sizes.Load.Connections} connections, median of {sizes.LoadSlices} alternating slices; " +
            $"requests: ours {ours.Requests}, peer {peer.Requests}; errors: ours {ours.Errors}, peer {peer.Errors}";
        var conns = $"{sizes.Load.Connections} conns";
        return
        [
            new Figure($"{id}-rps", $"{title}, {conns}", "req/s", Better.Higher, rps.Ours, rps.Peer, target, note),
            new Figure($"{id}-p50", $"{title} p50 latency, {conns}", "ms", Better.Lower, p50.Ours, p50.Peer),
            new Figure($"{id}-p99", $"{title} p99 latency, {conns}", "ms", Better.Lower, p99.Ours, p99.Peer),
        ];
    }
}
