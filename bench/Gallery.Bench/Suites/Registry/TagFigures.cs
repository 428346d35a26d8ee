using System.Diagnostics;
using Gallery.Bench.Load;
using Gallery.Bench.Oci;
using Gallery.Bench.Reporting;

namespace Gallery.Bench.Suites.Registry;

/// <summary>
/// A repository with thousands of tags: one small image pushed, then a manifest PUT per tag (bounded concurrency,
/// timed as tags/s), then GET tags/list (every tag in one answer) under load.
/// </summary>
public static class TagFigures
{
    private const string Repository = "bench/tags";
    private static readonly TimeSpan TaggingTimeout = TimeSpan.FromMinutes(10);

    public static async Task<IReadOnlyList<Figure>> MeasureAsync(RegistryRun run, CancellationToken cancellationToken)
    {
        var image = TestImage.Create(layerCount: 1, layerBytes: 1024);
        var tagging = new SamplePair();
        foreach (var target in run.InTurn(1))
        {
            await image.PushAsync(target.Client, Repository, "t00000", cancellationToken);
            var rate = await TagAsync(target, image, run.Sizes, cancellationToken);
            tagging.Add(target, rate);
            var count = await target.Client.CountTagsAsync(Repository, cancellationToken);
            if (count != run.Sizes.Tags)
            {
                throw new BenchException($"{target.Role} lists {count} tags in {Repository}, expected {run.Sizes.Tags}");
            }

            Progress.Line($"registry: {run.Sizes.Tags:#,0} tag PUTs, {target.Role}: {rate:0} tags/s");
        }

        var tags = $"{run.Sizes.Tags:#,0}";
        var list = await LoadFigures.MeasureAsync(run, "tags-list", $"tags/list of {tags} tags",
            target => new LoadRequest("GET", target.Client.Url(Repository, "tags/list"), Authorization: target.Client.AuthorizationFor(Repository)), null, cancellationToken);
        return
        [
            new Figure("tag-put", $"tag PUTs, {run.Sizes.TagPutConcurrency} concurrent", "tags/s", Better.Higher, tagging.Ours, tagging.Peer,
                Note: $"manifest PUT by tag, {tags} tags on one small image"),
            .. list,
        ];
    }

    /// <returns>Tags per second.</returns>
    private static async Task<double> TagAsync(RegistryTarget target, TestImage image, RegistrySizes sizes, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TaggingTimeout);
        var stopwatch = Stopwatch.StartNew();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = sizes.TagPutConcurrency, CancellationToken = timeout.Token };
        // Tag t00000 came with the push; the rest are t00001 ... so the repository ends with exactly sizes.Tags tags.
        await Parallel.ForEachAsync(Enumerable.Range(1, sizes.Tags - 1), parallel, async (i, ct) =>
            await target.Client.PutManifestAsync(Repository, $"t{i:D5}", image.Manifest, TestImage.ManifestMediaType, ct));
        return (sizes.Tags - 1) / stopwatch.Elapsed.TotalSeconds;
    }
}
