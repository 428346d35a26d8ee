using System.Diagnostics;
using Gallery.Bench.Processes;
using Gallery.Bench.Reporting;

namespace Gallery.Bench.Suites.Registry;

/// <summary>
/// A whole image pulled as a user's tool pulls it: <c>skopeo copy docker://... dir:...</c> (token from the realm,
/// manifest, config and layers, each digest checked, written to disk), alternating the servers.
/// </summary>
public static class SkopeoPullFigure
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<Figure?> MeasureAsync(RegistryRun run, string repository, string tag, string layers, CancellationToken cancellationToken)
    {
        if (ProcessRunner.FindOnPath("skopeo") is not { } skopeo)
        {
            run.Notes.Add("skopeo is not installed: no skopeo image pull figure");
            return null;
        }

        var samples = new SamplePair();
        for (var i = -1; i < run.Sizes.ImagePullRuns; i++)
        {
            foreach (var target in run.InTurn(i + 1))
            {
                var destination = Path.Combine(run.Scratch, $"skopeo-{target.Role}");
                var source = $"docker://{target.Server.BaseAddress.Authority}/{repository}:{tag}";
                var stopwatch = Stopwatch.StartNew();
                var result = await ProcessRunner.RunAsync(skopeo, ["copy", "--quiet", "--src-tls-verify=false", source, $"dir:{destination}"], Timeout, cancellationToken);
                var elapsed = stopwatch.Elapsed.TotalMilliseconds;
                if (result.ExitCode != 0)
                {
                    throw new BenchException($"skopeo copy {source} failed: {result.Output}");
                }

                Directory.Delete(destination, recursive: true);

                // Run -1 warms both servers (and skopeo's own start-up) and is not counted.
                if (i >= 0)
                {
                    samples.Add(target, elapsed);
                    Progress.Line($"registry: skopeo image pull, run {i + 1}/{run.Sizes.ImagePullRuns}, {target.Role}: {elapsed:0} ms");
                }
            }
        }

        return new Figure("image-pull-skopeo", $"image pull with skopeo, {layers} layers", "ms", Better.Lower, samples.Ours, samples.Peer,
            Note: "skopeo copy docker://... dir:..., wall time of the process (token, manifest, config, layers, digests checked, files written)");
    }
}
