using System.Diagnostics;
using Gallery.Bench.Oci;
using Gallery.Bench.Reporting;

namespace Gallery.Bench.Suites.Registry;

/// <summary>
/// A client's image pull: the manifest GET, then the config and every layer GET in parallel, bodies read to the end.
/// One untimed pull first (connections open, caches warm) on each server.
/// </summary>
public static class ImagePullFigure
{
    public static async Task<Figure> MeasureAsync(RegistryRun run, TestImage image, string repository, string tag, CancellationToken cancellationToken)
    {
        foreach (var target in run.InTurn(0))
        {
            await PullAsync(target.Client, image, repository, tag, cancellationToken);
        }

        var samples = new SamplePair();
        for (var i = 0; i < run.Sizes.ImagePullRuns; i++)
        {
            foreach (var target in run.InTurn(i))
            {
                var stopwatch = Stopwatch.StartNew();
                await PullAsync(target.Client, image, repository, tag, cancellationToken);
                samples.Add(target, stopwatch.Elapsed.TotalMilliseconds);
                Progress.Line($"registry: image pull, run {i + 1}/{run.Sizes.ImagePullRuns}, {target.Role}: {stopwatch.Elapsed.TotalMilliseconds:0.0} ms");
            }
        }

        var layers = $"{image.Layers.Count} x {RegistrySizes.Size(image.Layers[0].Length)}";
        return new Figure("image-pull", $"image pull, {layers} layers", "ms", Better.Lower, samples.Ours, samples.Peer, Note:
            "manifest GET by tag, then config + layer GETs all in parallel");
    }

    private static async Task PullAsync(RegistryClient client, TestImage image, string repository, string tag, CancellationToken cancellationToken)
    {
        var manifest = await client.GetManifestAsync(repository, tag, TestImage.ManifestMediaType, cancellationToken);
        if (!manifest.AsSpan().SequenceEqual(image.Manifest))
        {
            throw new BenchException($"{client.BaseAddress} served a different manifest for {repository}:{tag}");
        }

        var blobs = image.LayerDigests.Prepend(image.ConfigDigest).Select(digest => client.PullBlobAsync(repository, digest, cancellationToken));
        await Task.WhenAll(blobs);
    }
}
