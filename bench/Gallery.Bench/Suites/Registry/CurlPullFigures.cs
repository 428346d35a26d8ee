using System.Diagnostics;
using Gallery.Bench.Measure;
using Gallery.Bench.Oci;
using Gallery.Bench.Reporting;

namespace Gallery.Bench.Suites.Registry;

/// <summary>
/// Blob pulls as users make them: one curl process per GET, alternating the servers run by run, for each size whole
/// and as a Range of its middle half, by one client and by several at once. While several clients pull the largest
/// blob, the server's memory is sampled: it must not grow with the blob or the number of clients.
/// </summary>
public static class CurlPullFigures
{
    public const string Repository = "bench/blobs";
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Smaller pulls take a few 10 ms CPU ticks: too coarse to say what a GiB costs.</summary>
    private const long CpuFigureMinimum = 128L * 1024 * 1024;

    public static async Task<IReadOnlyList<Figure>> MeasureAsync(RegistryRun run, CancellationToken cancellationToken)
    {
        var figures = new List<Figure>();
        var clients = run.Sizes.PullClients;
        var single = new Limit("file -> curl by sendfile", run.Limits.FileToCurl);
        var several = new Limit($"file -> {clients} curls by sendfile", run.Limits.FileToCurlConcurrent);
        foreach (var (bytes, runs) in run.Sizes.Pulls)
        {
            var size = RegistrySizes.Size(bytes);
            Progress.Line($"registry: writing a {size} random blob and pushing it to both servers");
            using var blob = await BlobFile.CreateAsync(Path.Combine(run.Scratch, "pull.bin"), bytes, cancellationToken);
            await PushToBothAsync(run, Repository, blob, cancellationToken);
            (long, long) middle = (bytes / 4, bytes / 2);
            var watchMemory = bytes == run.Sizes.LargestPull;
            var (memory, cpu) = (new SamplePair(), new SamplePair());

            var whole = await SampleAsync(run, $"pull {size}", runs, async (curl, target) =>
            {
                var (rate, seconds) = await ProcessCpu.PerGiBAsync(target.Server.ProcessId, bytes, () => OneAsync(curl, blob.Digest, null, cancellationToken));
                cpu.Add(target, seconds);
                return rate;
            });
            var ranged = await SampleAsync(run, $"pull {size} middle half", runs, (curl, _) => OneAsync(curl, blob.Digest, middle, cancellationToken));
            var wholeSeveral = await SampleAsync(run, $"pull {size} x {clients}", run.Sizes.ConcurrentRuns, async (curl, target) =>
            {
                using var sampler = watchMemory ? RssSampler.Start(target.Server.ProcessId, SampleInterval) : null;
                var rate = await SeveralAsync(curl, Enumerable.Repeat(blob.Digest, clients), null, cancellationToken);
                sampler?.Dispose();
                if (sampler is not null)
                {
                    memory.Add(target, sampler.GrowthMiB);
                    run.Notes.Add($"memory, {clients} pulls of {size} at once, {target.Role}: RSS {sampler.BaselineKiB / 1024.0:0.0} -> peak {sampler.PeakKiB / 1024.0:0.0} MiB");
                }

                return rate;
            });
            var rangedSeveral = await SampleAsync(run, $"pull {size} middle half x {clients}", run.Sizes.ConcurrentRuns,
                (curl, _) => SeveralAsync(curl, Enumerable.Repeat(blob.Digest, clients), middle, cancellationToken));

            figures.Add(new Figure($"blob-pull-{bytes >> 20}m", $"blob pull {size}, curl", "MB/s", Better.Higher, whole.Ours, whole.Peer,
                Target.AtLeastPeer(1.2), "one curl GET, body to /dev/null; curl's time_total", Limit: single));
            if (bytes >= CpuFigureMinimum)
            {
                figures.Add(new Figure($"blob-pull-{bytes >> 20}m-cpu", $"server CPU per GiB pulled, {size} with curl", "CPU s", Better.Lower, cpu.Ours, cpu.Peer,
                    Note: "user + system time of the server process during each pull, per GiB: what the bytes cost, whatever else runs on the machine"));
            }

            figures.Add(new Figure($"blob-pull-range-{bytes >> 20}m", $"blob pull {size}, Range of the middle half, curl", "MB/s", Better.Higher, ranged.Ours, ranged.Peer,
                Target.AtLeastPeer(1.2), "curl -r over the middle half (206)", Limit: single));
            figures.Add(new Figure($"blob-pull-{bytes >> 20}m-x{clients}", $"blob pull {size}, {clients} curls at once", "MB/s", Better.Higher, wholeSeveral.Ours, wholeSeveral.Peer,
                Target.AtLeastPeer(1.2), "aggregate: all bytes / wall time from the first start to the last exit", Limit: several));
            figures.Add(new Figure($"blob-pull-range-{bytes >> 20}m-x{clients}", $"blob pull {size}, Range of the middle half, {clients} curls at once", "MB/s", Better.Higher,
                rangedSeveral.Ours, rangedSeveral.Peer, Target.AtLeastPeer(1.2), "aggregate", Limit: several));
            run.DropStoredBlob(blob.Digest);
            if (watchMemory)
            {
                figures.Add(new Figure("pull-memory-growth", $"server RSS growth, {clients} pulls of {size} at once", "MiB", Better.Lower, memory.Ours, memory.Peer,
                    Target.OursBelow(64), "peak VmRSS minus VmRSS before the pulls, sampled every 50 ms, one sample per run", Comparable: false));
            }
        }

        return figures;
    }

    /// <summary>Pushes the blob to both servers (untimed, with the harness's HTTP client, which also gets each a token) and checks what each serves.</summary>
    public static async Task PushToBothAsync(RegistryRun run, string repository, BlobFile blob, CancellationToken cancellationToken)
    {
        foreach (var target in run.InTurn(0))
        {
            await target.Client.PushMonolithicAsync(repository, new FileRangeContent(blob.Handle, 0, blob.Length), blob.Digest, cancellationToken);
            await target.Client.VerifyBlobAsync(repository, blob.Digest, cancellationToken);
        }
    }

    /// <summary>Aggregate MB/s of one curl per digest, all started at once.</summary>
    public static async Task<double> SeveralAsync(Curl curl, IEnumerable<string> digests, (long, long)? range, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var results = await Task.WhenAll(digests.Select(digest => curl.PullAsync(Repository, digest, range, cancellationToken)));
        return results.Sum(r => r.Downloaded) / 1e6 / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task<double> OneAsync(Curl curl, string digest, (long, long)? range, CancellationToken cancellationToken) =>
        (await curl.PullAsync(Repository, digest, range, cancellationToken)).DownloadMegabytesPerSecond;

    private static async Task<SamplePair> SampleAsync(RegistryRun run, string what, int runs, Func<Curl, RegistryTarget, Task<double>> measure)
    {
        var samples = new SamplePair();
        for (var i = 0; i < runs; i++)
        {
            foreach (var target in run.InTurn(i))
            {
                var rate = await measure(RegistryRun.CurlFor(target, Repository), target);
                samples.Add(target, rate);
                Progress.Line($"registry: {what}, run {i + 1}/{runs}, {target.Role}: {rate:0} MB/s");
            }
        }

        return samples;
    }
}
