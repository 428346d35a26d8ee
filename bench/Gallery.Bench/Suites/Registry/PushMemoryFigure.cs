using System.Diagnostics;
using Gallery.Bench.Measure;
using Gallery.Bench.Oci;
using Gallery.Bench.Reporting;

namespace Gallery.Bench.Suites.Registry;

/// <summary>
/// Server memory while a large layer is pushed (POST + one streaming PUT): VmRSS sampled every 50 ms, peak minus the
/// baseline just before the push. Run first, right after a small warm-up push, so it measures the upload path rather
/// than what earlier figures left on the heap.
/// </summary>
public static class PushMemoryFigure
{
    private const string Repository = "bench/memory";
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<Figure> MeasureAsync(RegistryRun run, CancellationToken cancellationToken)
    {
        var size = RegistrySizes.Size(run.Sizes.MemoryLayerBytes);
        Progress.Line($"registry: writing a {size} random layer for the memory figure");
        using var blob = await BlobFile.CreateAsync(Path.Combine(run.Scratch, "memory-layer.bin"), run.Sizes.MemoryLayerBytes, cancellationToken);
        var growth = new SamplePair();
        foreach (var target in run.InTurn(0))
        {
            var stopwatch = Stopwatch.StartNew();
            var sampler = RssSampler.Start(target.Server.ProcessId, SampleInterval);
            try
            {
                await target.Client.PushMonolithicAsync(Repository, new FileRangeContent(blob.Handle, 0, blob.Length), blob.Digest, cancellationToken);
            }
            finally
            {
                stopwatch.Stop();
                sampler.Dispose();
            }

            growth.Add(target, sampler.GrowthMiB);
            var line = $"{target.Role}: RSS {sampler.BaselineKiB / 1024.0:0.0} -> peak {sampler.PeakKiB / 1024.0:0.0} MiB (+{sampler.GrowthMiB:0.0} MiB, {sampler.Samples} samples), " +
                $"push {RegistryRun.MegabytesPerSecond(blob.Length, stopwatch.Elapsed):0} MB/s";
            run.Notes.Add($"memory figure, {line}");
            Progress.Line($"registry: push {size}, {line}");
        }

        run.DropStoredBlob(blob.Digest);
        return new Figure("push-memory-growth", $"server RSS growth pushing {size}", "MiB", Better.Lower, growth.Ours, growth.Peer,
            Target.OursBelow(64), "peak VmRSS minus VmRSS before the push, sampled every 50 ms; the PostgreSQL server process is not counted",
            Comparable: false);
    }
}
