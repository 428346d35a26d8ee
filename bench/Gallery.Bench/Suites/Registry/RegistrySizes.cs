using Gallery.Bench.Load;

namespace Gallery.Bench.Suites.Registry;

/// <summary>How big and how long, for a full run and for <c>--quick</c> (under two minutes in all).</summary>
public sealed record RegistrySizes(
    long LayerBytes,
    long ChunkBytes,
    int PushRuns,
    int PullRuns,
    int ImageLayers,
    int ImageLayerBytes,
    int ImagePullRuns,
    LoadSettings Load,
    int LoadSlices,
    int Tags,
    int TagPutConcurrency,
    long MemoryLayerBytes)
{
    private const long MiB = 1024 * 1024;

    public static RegistrySizes Full { get; } = new(
        LayerBytes: 256 * MiB,
        ChunkBytes: 16 * MiB,
        PushRuns: 3,
        PullRuns: 5,
        ImageLayers: 10,
        ImageLayerBytes: (int)(10 * MiB),
        ImagePullRuns: 5,
        Load: new LoadSettings(Connections: 32, Duration: TimeSpan.FromSeconds(2), MaxRequests: 2_000_000, Warmup: TimeSpan.FromSeconds(2)),
        LoadSlices: 5,
        Tags: 5_000,
        TagPutConcurrency: 16,
        MemoryLayerBytes: 1024 * MiB);

    public static RegistrySizes Quick { get; } = new(
        LayerBytes: 64 * MiB,
        ChunkBytes: 16 * MiB,
        PushRuns: 2,
        PullRuns: 3,
        ImageLayers: 10,
        ImageLayerBytes: (int)(1 * MiB),
        ImagePullRuns: 3,
        Load: new LoadSettings(Connections: 32, Duration: TimeSpan.FromSeconds(1), MaxRequests: 1_000_000, Warmup: TimeSpan.FromSeconds(1)),
        LoadSlices: 3,
        Tags: 500,
        TagPutConcurrency: 16,
        MemoryLayerBytes: 256 * MiB);

    public static string Size(long bytes) => bytes >= 1024 * MiB ? $"{bytes / (1024 * MiB)} GiB" : $"{bytes / MiB} MiB";

    public IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["layer"] = Size(LayerBytes),
        ["chunk"] = Size(ChunkBytes),
        ["pushRuns"] = $"{PushRuns}",
        ["pullRuns"] = $"{PullRuns}",
        ["image"] = $"{ImageLayers} layers of {Size(ImageLayerBytes)}, {ImagePullRuns} pulls",
        ["load"] = $"{Load.Connections} connections, {LoadSlices} slices of {Load.Duration.TotalSeconds:0} s per server (alternating, each at most {Load.MaxRequests:#,0} requests) after {Load.Warmup.TotalSeconds:0} s warm-up",
        ["tags"] = $"{Tags:#,0} tags, PUT {TagPutConcurrency} at a time",
        ["memoryLayer"] = Size(MemoryLayerBytes),
    };
}
