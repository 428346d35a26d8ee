using System.Diagnostics;
using Gallery.Bench.Measure;
using Gallery.Bench.Oci;
using Gallery.Bench.Reporting;

namespace Gallery.Bench.Suites.Registry;

/// <summary>
/// Many clients pulling different blobs at once (a node pulling an image's layers, many nodes starting): one curl per
/// blob, all started together; aggregate MB/s (all bytes over the wall time) and the p99 of each request's own time.
/// </summary>
public static class ConcurrentPullFigures
{
    public static async Task<IReadOnlyList<Figure>> MeasureAsync(RegistryRun run, CancellationToken cancellationToken)
    {
        var figures = new List<Figure>();
        var limit = new Limit($"file -> {run.Sizes.PullClients} curls by sendfile", run.Limits.FileToCurlConcurrent);
        foreach (var (count, bytes) in run.Sizes.ConcurrentSets)
        {
            var what = $"{count} different blobs of {RegistrySizes.Size(bytes)}";
            Progress.Line($"registry: pushing {what} to both servers");
            var digests = new List<string>();
            using (var blob = await BlobFile.CreateAsync(Path.Combine(run.Scratch, "concurrent.bin"), bytes, cancellationToken))
            {
                for (var i = 0; i < count; i++)
                {
                    await blob.RenewAsync(cancellationToken);
                    await CurlPullFigures.PushToBothAsync(run, CurlPullFigures.Repository, blob, cancellationToken);
                    digests.Add(blob.Digest);
                }
            }

            var (aggregate, p99) = (new SamplePair(), new SamplePair());
            for (var i = 0; i < run.Sizes.ConcurrentRuns; i++)
            {
                foreach (var target in run.InTurn(i))
                {
                    var curl = RegistryRun.CurlFor(target, CurlPullFigures.Repository);
                    var stopwatch = Stopwatch.StartNew();
                    var results = await Task.WhenAll(digests.Select(d => curl.PullAsync(CurlPullFigures.Repository, d, null, cancellationToken)));
                    var rate = results.Sum(r => r.Downloaded) / 1e6 / stopwatch.Elapsed.TotalSeconds;
                    var slowest = Stats.Percentile(results.Select(r => r.Seconds * 1000).ToList(), 99);
                    aggregate.Add(target, rate);
                    p99.Add(target, slowest);
                    Progress.Line($"registry: pull of {what} at once, run {i + 1}/{run.Sizes.ConcurrentRuns}, {target.Role}: {rate:0} MB/s, p99 {slowest:0} ms");
                }
            }

            digests.ForEach(run.DropStoredBlob);
            figures.Add(new Figure($"blob-pull-x{count}-different", $"pull of {what} at once, curl", "MB/s", Better.Higher, aggregate.Ours, aggregate.Peer,
                Target.AtLeastPeer(1.2), "aggregate: all bytes / wall time from the first start to the last exit", Limit: limit));
            figures.Add(new Figure($"blob-pull-x{count}-different-p99", $"pull of {what} at once, p99 per request", "ms", Better.Lower, p99.Ours, p99.Peer,
                Note: "curl's time_total of each request; p99 per run, median over runs"));
        }

        return figures;
    }
}
