using System.Security.Cryptography;
using Gallery.Bench.Cli;
using Gallery.Bench.Load;
using Gallery.Bench.Oci;
using Gallery.Bench.Processes;
using Gallery.Bench.Reporting;
using Gallery.Bench.Servers;
using Gallery.Testing.Processes;

namespace Gallery.Bench.Suites.Registry;

/// <summary>
/// The registry figures, ours against CNCF Distribution (with token auth) in the same run: the machine's limits,
/// push memory, blob push and pull with curl (one and several clients, whole and ranged), pulls of many different
/// blobs at once, image pull (HTTP client and skopeo), manifest GET/HEAD and tags/list under load, tag PUTs.
/// Starts (and always stops) both servers and, with <c>--db postgres</c>, a throwaway PostgreSQL cluster.
/// </summary>
public sealed class RegistrySuite : ISuite
{
    private const string ImageRepository = "bench/image";
    private const string ImageTag = "v1";

    public string Name => "registry";

    public async Task<SuiteReport> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var started = Progress.Elapsed;
        var sizes = options.Quick ? RegistrySizes.Quick : RegistrySizes.Full;
        var load = await LoadGenerators.CreateAsync(options.Load, cancellationToken);

        PostgresCluster? postgres = null;
        CephGateway? gateway = null;
        DistributionServer? peer = null;
        OurServer? ours = null;
        using var scratch = new TempDirectory("scratch");
        using var http = RegistryClient.CreateHttpClient(maxConnections: 32);
        try
        {
            if (options.Database == DatabaseKind.Postgres)
            {
                Progress.Line("registry: starting a throwaway PostgreSQL cluster");
                postgres = await PostgresCluster.StartAsync(cancellationToken);
                Progress.Line($"registry: PostgreSQL {postgres.Version} on 127.0.0.1:{postgres.Port}");
            }

            if (options.Storage == StorageKind.S3)
            {
                Progress.Line("registry: starting a throwaway Ceph RADOS Gateway");
                gateway = await CephGateway.StartAsync(cancellationToken);
                Progress.Line($"registry: RADOS Gateway at {gateway.ServiceUrl}");
            }

            Progress.Line("registry: starting CNCF Distribution (docker-registry)");
            peer = await DistributionServer.StartAsync(cancellationToken, gateway is null ? null : await S3Bucket.CreateAsync(gateway, "peer", cancellationToken));
            Progress.Line($"registry: peer is {peer.Description} at {peer.BaseAddress}, pid {peer.ProcessId}");
            Progress.Line("registry: starting our server");
            ours = await OurServer.StartAsync(postgres?.ConnectionString, cancellationToken, gateway is null ? null : await S3Bucket.CreateAsync(gateway, "ours", cancellationToken));
            Progress.Line($"registry: ours is {ours.Description} at {ours.BaseAddress}, pid {ours.ProcessId}");

            var run = new RegistryRun(
                new RegistryTarget(ours, new RegistryClient(http, ours.BaseAddress, ours.Credentials)),
                new RegistryTarget(peer, new RegistryClient(http, peer.BaseAddress, peer.Credentials)),
                sizes, load, scratch.Path);
            run.Notes.Add("ours: every request carries a bearer token from /token (the bootstrap publisher's access key), checked per request; " +
                "pull rate limits off. Peer: Distribution's stock config plus token auth (ES256 JWTs from the harness's realm), checked per request.");
            var loadBefore = MachineInfo.LoadAverage();
            if (loadBefore > Environment.ProcessorCount)
            {
                Progress.Line($"registry: warning: load average {loadBefore:0.0} on {Environment.ProcessorCount} CPUs; other work will disturb the figures");
            }

            IReadOnlyList<Figure> figures;
            try
            {
                figures = gateway is null
                    ? await MeasureAsync(run, cancellationToken)
                    : [.. await CurlPushFigures.MeasureAsync(run, cancellationToken), .. await CurlPullFigures.MeasureAsync(run, cancellationToken),
                        .. await PullCpuFigures.MeasureAsync(run, gateway, cancellationToken)];
            }
            catch (Exception e) when (e is HttpRequestException or BenchException && (ours.ExitReport() ?? peer.ExitReport()) is { } died)
            {
                throw new BenchException($"a server died during the run ({e.Message}): {died}");
            }
            catch (BenchException e)
            {
                throw new BenchException($"{e.Message}\n--- ours, last output ---\n{Tail(ours.OutputTail)}\n--- peer, last output ---\n{Tail(peer.OutputTail)}");
            }

            run.Notes.Add($"1-minute load average {loadBefore:0.0} before the figures, {MachineInfo.LoadAverage():0.0} after ({Environment.ProcessorCount} CPUs)");
            var setup = gateway is null ? options.Database.ToString() : $"{options.Database}, S3";
            return new SuiteReport(Name, options.Quick, setup, load.Description, ours.Description, peer.Description,
                sizes.Describe(), figures, run.Notes, startedAt, Progress.Elapsed - started);
        }
        finally
        {
            Progress.Line("registry: stopping the servers");
            if (ours is not null)
            {
                await ours.DisposeAsync();
                Progress.Line("registry: ours stopped, its data deleted");
            }

            if (peer is not null)
            {
                await peer.DisposeAsync();
                Progress.Line("registry: peer stopped, its data deleted");
            }

            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }

            if (gateway is not null)
            {
                await gateway.DisposeAsync();
            }

            Progress.Line("registry: servers stopped");
        }
    }

    private static async Task<IReadOnlyList<Figure>> MeasureAsync(RegistryRun run, CancellationToken cancellationToken)
    {
        await WarmUpAsync(run, cancellationToken);
        await MeasureLimitsAsync(run, "before", cancellationToken);
        var figures = new List<Figure> { await PushMemoryFigure.MeasureAsync(run, cancellationToken) };
        figures.AddRange(await CurlPushFigures.MeasureAsync(run, cancellationToken));
        figures.AddRange(await CurlPullFigures.MeasureAsync(run, cancellationToken));
        figures.AddRange(await ConcurrentPullFigures.MeasureAsync(run, cancellationToken));

        Progress.Line($"registry: pushing a {run.Sizes.ImageLayers}-layer image to both servers");
        var image = TestImage.Create(run.Sizes.ImageLayers, run.Sizes.ImageLayerBytes);
        foreach (var target in run.InTurn(0))
        {
            await image.PushAsync(target.Client, ImageRepository, ImageTag, cancellationToken);
        }

        figures.Add(await ImagePullFigure.MeasureAsync(run, image, ImageRepository, ImageTag, cancellationToken));
        if (await SkopeoPullFigure.MeasureAsync(run, ImageRepository, ImageTag, $"{image.Layers.Count} x {RegistrySizes.Size(image.Layers[0].Length)}", cancellationToken) is { } skopeo)
        {
            figures.Add(skopeo);
        }

        figures.AddRange(await LoadFigures.MeasureAsync(run, "manifest-get", "manifest GET",
            target => new LoadRequest("GET", target.Client.Url(ImageRepository, $"manifests/{ImageTag}"), TestImage.ManifestMediaType, target.Client.AuthorizationFor(ImageRepository)),
            Target.AtLeastPeer(1.0), cancellationToken));
        figures.AddRange(await LoadFigures.MeasureAsync(run, "manifest-head", "manifest HEAD",
            target => new LoadRequest("HEAD", target.Client.Url(ImageRepository, $"manifests/{ImageTag}"), TestImage.ManifestMediaType, target.Client.AuthorizationFor(ImageRepository)),
            null, cancellationToken));
        figures.AddRange(await TagFigures.MeasureAsync(run, cancellationToken));
        await MeasureLimitsAsync(run, "after", cancellationToken);
        run.Notes.Add($"machine limits (best of before and after): {run.Limits.Describe()}");

        // Memory is measured first (on a fresh heap) but reads best last.
        return [.. figures.Skip(1), figures[0]];
    }

    /// <summary>The machine's limits on a file as large as the largest pulled blob, before and after the figures.</summary>
    private static async Task MeasureLimitsAsync(RegistryRun run, string when, CancellationToken cancellationToken)
    {
        using var file = await BlobFile.CreateAsync(Path.Combine(run.Scratch, "limit.bin"), run.Sizes.LargestPull, cancellationToken);
        await run.Limits.MeasureAsync(file.Path, run.Sizes.PullClients, run.Scratch, run.Sizes.LimitWriteBytes, cancellationToken);
        Progress.Line($"registry: machine limits {when} the figures: {run.Limits.Describe()}");
    }

    private static string Tail(string output) => string.Join('\n', output.Split('\n').TakeLast(40));

    /// <summary>One small upload and download on each server, so first-request costs (JIT, connections) stay out of the figures.</summary>
    private static async Task WarmUpAsync(RegistryRun run, CancellationToken cancellationToken)
    {
        Progress.Line("registry: warm-up push and pull on both servers");
        var content = RandomNumberGenerator.GetBytes(1024 * 1024);
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
        foreach (var target in run.InTurn(0))
        {
            for (var i = 0; i < 3; i++)
            {
                await target.Client.PushMonolithicAsync("bench/warmup", new ByteArrayContent(content), digest, cancellationToken);
                await target.Client.PullBlobAsync("bench/warmup", digest, cancellationToken);
            }
        }
    }
}
