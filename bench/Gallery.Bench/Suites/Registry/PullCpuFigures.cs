using System.Globalization;
using Gallery.Bench.Oci;
using Gallery.Bench.Reporting;
using Gallery.Bench.Servers;

namespace Gallery.Bench.Suites.Registry;

/// <summary>
/// With <c>--storage s3</c>: the server CPU time a pull costs per GiB, read from /proc for the server process alone.
/// Streaming (ours against Distribution, both passing the bytes through), and ours with <c>RedirectPulls</c> (a 307
/// to a presigned URL: the client fetches the bytes from the gateway, which is not counted).
/// </summary>
public static class PullCpuFigures
{
    private const string Repository = "bench/cpu";
    private const double GiB = 1024.0 * 1024 * 1024;

    public static async Task<IReadOnlyList<Figure>> MeasureAsync(RegistryRun run, CephGateway gateway, CancellationToken cancellationToken)
    {
        Progress.Line("registry: starting a second server of ours on its own bucket, pulls redirected");
        await using var redirecting = await OurServer.StartAsync(null, cancellationToken, await S3Bucket.CreateAsync(gateway, "redirect", cancellationToken), redirectPulls: true);
        using var http = RegistryClient.CreateHttpClient(maxConnections: 4);
        var redirectTarget = new RegistryTarget(redirecting, new RegistryClient(http, redirecting.BaseAddress, redirecting.Credentials));

        using var blob = await BlobFile.CreateAsync(Path.Combine(run.Scratch, "cpu.bin"), run.Sizes.LayerBytes, cancellationToken);
        foreach (var target in new[] { run.Ours, run.Peer, redirectTarget })
        {
            await target.Client.PushMonolithicAsync(Repository, new FileRangeContent(blob.Handle, 0, blob.Length), blob.Digest, cancellationToken);
            await target.Client.VerifyBlobAsync(Repository, blob.Digest, cancellationToken);
        }

        var streaming = new SamplePair();
        var redirected = new List<double>();
        var idle = new List<double>();
        for (var i = 0; i < run.Sizes.PullRuns; i++)
        {
            foreach (var target in run.InTurn(i))
            {
                streaming.Add(target, await CpuSecondsPerGibAsync(target, blob, cancellationToken));
            }

            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            redirected.Add(await CpuSecondsPerGibAsync(redirectTarget, blob, cancellationToken));
            idle.Add(await IdleCpuSecondsPerGibAsync(redirecting.ProcessId, stopwatch.Elapsed, 4 * blob.Length, cancellationToken));
            Progress.Line($"registry: pull CPU run {i + 1}/{run.Sizes.PullRuns}: ours {streaming.Ours[^1]:0.000}, peer {streaming.Peer[^1]:0.000}, " +
                $"ours redirected {redirected[^1]:0.000} (idle over the same time {idle[^1]:0.000}) CPU-s/GiB");
        }

        var bound = 0.05 * Measure.Stats.Median(streaming.Ours);
        return
        [
            new Figure("pull-cpu-streaming", "server CPU per GiB pulled, streamed from S3", "CPU-s/GiB", Better.Lower, streaming.Ours, streaming.Peer,
                null, "user+system time of the server process (/proc) over 4 GETs of the layer, per GiB"),
            new Figure("pull-cpu-redirect", "server CPU per GiB pulled, 307 to presigned URL", "CPU-s/GiB", Better.Lower, redirected, [],
                Target.OursBelow(bound), $"ours with RedirectPulls=true; target: at most 5% of ours streaming ({bound.ToString("0.0000", CultureInfo.InvariantCulture)})", Comparable: false),
            new Figure("pull-cpu-redirect-idle", "same server idle for as long, per GiB pulled", "CPU-s/GiB", Better.Lower, idle, [],
                null, "the redirecting server's CPU time with no request, over the wall time the redirected pulls took: its background work", Comparable: false),
        ];
    }

    /// <summary>Four whole-blob GETs (following redirects) and the server's CPU time they cost, per GiB.</summary>
    private static async Task<double> CpuSecondsPerGibAsync(RegistryTarget target, BlobFile blob, CancellationToken cancellationToken)
    {
        const int Pulls = 4;
        var before = CpuSeconds(target.Server.ProcessId);
        long read = 0;
        for (var i = 0; i < Pulls; i++)
        {
            read += await target.Client.PullBlobAsync(Repository, blob.Digest, cancellationToken);
        }

        if (read != Pulls * blob.Length)
        {
            throw new BenchException($"{target.Role} served {read} bytes for {Pulls} pulls of a {blob.Length}-byte blob");
        }

        return (CpuSeconds(target.Server.ProcessId) - before) / (read / GiB);
    }

    /// <summary>A server's CPU time while it serves nothing, for <paramref name="duration"/>, per GiB of <paramref name="bytes"/>.</summary>
    private static async Task<double> IdleCpuSecondsPerGibAsync(int processId, TimeSpan duration, long bytes, CancellationToken cancellationToken)
    {
        var before = CpuSeconds(processId);
        await Task.Delay(duration, cancellationToken);
        return (CpuSeconds(processId) - before) / (bytes / GiB);
    }

    /// <summary>utime + stime of a process, in seconds (fields 14 and 15 of /proc/PID/stat, in clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }
}
