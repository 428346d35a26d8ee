using Gallery.Bench.Load;

namespace Gallery.Bench.Suites.Registry;

/// <summary>A blob size and how many alternating runs per server it gets.</summary>
public sealed record SizedRuns(long Bytes, int Runs);

/// <summary>Several different blobs pulled at once, one client each.</summary>
public sealed record ConcurrentSet(int Blobs, long Bytes);

/// <summary>How big and how long, for a full run and for <c>--quick</c> (a few minutes in all).</summary>
public sealed record RegistrySizes(
    IReadOnlyList<SizedRuns> Pulls,
    int PullClients,
    int ConcurrentRuns,
    IReadOnlyList<ConcurrentSet> ConcurrentSets,
    IReadOnlyList<SizedRuns> Pushes,
    long ChunkBytes,
    long LimitWriteBytes,
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
        // Pulls from 128 MiB up and the several-at-once figures run near the sendfile limit, where three to five runs left
        // the median swinging by 15% between two quiet runs (single 1 GiB ranged runs spread from 1.5 to 2.7 GB/s).
        Pulls: [new(16 * MiB, 9), new(128 * MiB, 9), new(1024 * MiB, 5)],
        PullClients: 8,
        ConcurrentRuns: 5,
        ConcurrentSets: [new(8, 128 * MiB), new(32, 32 * MiB)],
        Pushes: [new(128 * MiB, 3), new(1024 * MiB, 3)],
        ChunkBytes: 16 * MiB,
        LimitWriteBytes: 512 * MiB,
        ImageLayers: 10,
        ImageLayerBytes: (int)(10 * MiB),
        ImagePullRuns: 5,
        Load: new LoadSettings(Connections: 32, Duration: TimeSpan.FromSeconds(2), MaxRequests: 2_000_000, Warmup: TimeSpan.FromSeconds(2)),
        LoadSlices: 5,
        Tags: 5_000,
        TagPutConcurrency: 16,
        MemoryLayerBytes: 1024 * MiB);

    public static RegistrySizes Quick { get; } = new(
        Pulls: [new(16 * MiB, 5), new(128 * MiB, 3)],
        PullClients: 8,
        ConcurrentRuns: 2,
        ConcurrentSets: [new(8, 32 * MiB), new(32, 8 * MiB)],
        Pushes: [new(64 * MiB, 2)],
        ChunkBytes: 16 * MiB,
        LimitWriteBytes: 128 * MiB,
        ImageLayers: 10,
        ImageLayerBytes: (int)(1 * MiB),
        ImagePullRuns: 3,
        Load: new LoadSettings(Connections: 32, Duration: TimeSpan.FromSeconds(1), MaxRequests: 1_000_000, Warmup: TimeSpan.FromSeconds(1)),
        LoadSlices: 3,
        Tags: 500,
        TagPutConcurrency: 16,
        MemoryLayerBytes: 256 * MiB);

    public static string Size(long bytes) => bytes >= 1024 * MiB ? $"{bytes / (1024 * MiB)} GiB" : $"{bytes / MiB} MiB";

    /// <summary>The largest pulled blob: the one pulled by several clients at once while the server's memory is watched.</summary>
    public long LargestPull => Pulls.Max(p => p.Bytes);

    /// <summary>The pull whose server CPU per GiB is compared streaming and redirected (<c>--storage s3</c>): 128 MiB.</summary>
    public SizedRuns CpuPull => Pulls.First(p => p.Bytes >= 128 * MiB);

    public IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["pulls"] = string.Join(", ", Pulls.Select(p => $"{Size(p.Bytes)} x {p.Runs} runs")) + $", whole and the middle half (Range), 1 and {PullClients} curls at once ({ConcurrentRuns} runs)",
        ["concurrentSets"] = string.Join(", ", ConcurrentSets.Select(s => $"{s.Blobs} different blobs of {Size(s.Bytes)}")) + $", {ConcurrentRuns} runs",
        ["pushes"] = string.Join(", ", Pushes.Select(p => $"{Size(p.Bytes)} x {p.Runs} runs")) + $", chunked in {Size(ChunkBytes)} PATCHes for the smallest",
        ["limits"] = $"disk write of {Size(LimitWriteBytes)}; sendfile of the largest pulled blob",
        ["image"] = $"{ImageLayers} layers of {Size(ImageLayerBytes)}, {ImagePullRuns} pulls",
        ["load"] = $"{Load.Connections} connections, {LoadSlices} slices of {Load.Duration.TotalSeconds:0} s per server (alternating, each at most {Load.MaxRequests:#,0} requests) after {Load.Warmup.TotalSeconds:0} s warm-up",
        ["tags"] = $"{Tags:#,0} tags, PUT {TagPutConcurrency} at a time",
        ["memoryLayer"] = Size(MemoryLayerBytes),
    };
}
