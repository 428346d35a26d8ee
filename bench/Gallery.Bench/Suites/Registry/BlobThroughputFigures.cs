using System.Diagnostics;
using Gallery.Bench.Oci;
using Gallery.Bench.Reporting;

namespace Gallery.Bench.Suites.Registry;

/// <summary>
/// Push (monolithic, then chunked) and pull throughput of one large random layer. Every push run uploads a blob
/// neither server has seen (the layer's first bytes change between runs); the pulls read the last one.
/// </summary>
public static class BlobThroughputFigures
{
    private const string Repository = "bench/layer";

    public static async Task<IReadOnlyList<Figure>> MeasureAsync(RegistryRun run, CancellationToken cancellationToken)
    {
        var sizes = run.Sizes;
        var size = RegistrySizes.Size(sizes.LayerBytes);
        Progress.Line($"registry: writing a {size} random layer");
        using var blob = await BlobFile.CreateAsync(Path.Combine(run.Scratch, "layer.bin"), sizes.LayerBytes, cancellationToken);

        var monolithic = await PushAsync(run, blob, "monolithic", (client, ct) =>
            client.PushMonolithicAsync(Repository, new FileRangeContent(blob.Handle, 0, blob.Length), blob.Digest, ct), cancellationToken);
        var chunked = await PushAsync(run, blob, $"chunked ({RegistrySizes.Size(sizes.ChunkBytes)} PATCHes)", (client, ct) =>
            client.PushChunkedAsync(Repository, blob, sizes.ChunkBytes, ct), cancellationToken);
        var pull = await PullAsync(run, blob.Digest, blob.Length, cancellationToken);

        return
        [
            new Figure("blob-push-monolithic", $"blob push {size}, monolithic", "MB/s", Better.Higher, monolithic.Ours, monolithic.Peer,
                Target.AtLeastPeer(1.0), "POST, then one PUT ?digest= carrying the whole layer"),
            new Figure("blob-push-chunked", $"blob push {size}, chunked {RegistrySizes.Size(sizes.ChunkBytes)}", "MB/s", Better.Higher, chunked.Ours, chunked.Peer,
                Target.AtLeastPeer(1.0), "POST, PATCH chunks with Content-Range, then PUT ?digest= with no body"),
            new Figure("blob-pull", $"blob pull {size}", "MB/s", Better.Higher, pull.Ours, pull.Peer,
                Target.AtLeastPeer(1.0), "GET, body read to the end"),
        ];
    }

    private static async Task<SamplePair> PushAsync(
        RegistryRun run, BlobFile blob, string how, Func<RegistryClient, CancellationToken, Task> push, CancellationToken cancellationToken)
    {
        var samples = new SamplePair();
        for (var i = 0; i < run.Sizes.PushRuns; i++)
        {
            await blob.RenewAsync(cancellationToken);
            foreach (var target in run.InTurn(i))
            {
                var stopwatch = Stopwatch.StartNew();
                await push(target.Client, cancellationToken);
                var rate = RegistryRun.MegabytesPerSecond(blob.Length, stopwatch.Elapsed);
                samples.Add(target, rate);
                Progress.Line($"registry: blob push, {how}, run {i + 1}/{run.Sizes.PushRuns}, {target.Role}: {rate:0} MB/s");
            }
        }

        return samples;
    }

    private static async Task<SamplePair> PullAsync(RegistryRun run, string digest, long length, CancellationToken cancellationToken)
    {
        foreach (var target in run.InTurn(0))
        {
            await target.Client.VerifyBlobAsync(Repository, digest, cancellationToken);
        }

        var samples = new SamplePair();
        for (var i = 0; i < run.Sizes.PullRuns; i++)
        {
            foreach (var target in run.InTurn(i))
            {
                var stopwatch = Stopwatch.StartNew();
                var read = await target.Client.PullBlobAsync(Repository, digest, cancellationToken);
                var rate = RegistryRun.MegabytesPerSecond(read, stopwatch.Elapsed);
                if (read != length)
                {
                    throw new BenchException($"{target.Role} served {read} bytes of a {length}-byte blob");
                }

                samples.Add(target, rate);
                Progress.Line($"registry: blob pull, run {i + 1}/{run.Sizes.PullRuns}, {target.Role}: {rate:0} MB/s");
            }
        }

        return samples;
    }
}
