namespace Gallery.Bench.Measure;

/// <summary>Garbage collections over a phase of the run, by generation, and their total pause: what a latency tail may hold.</summary>
public sealed class GcWatch
{
    private readonly int[] _counts = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    private readonly TimeSpan _paused = GC.GetTotalPauseDuration();

    public static GcWatch Start() => new();

    public string Stop()
    {
        var paused = GC.GetTotalPauseDuration() - _paused;
        return $"{GC.CollectionCount(0) - _counts[0]} gen0, {GC.CollectionCount(1) - _counts[1]} gen1, {GC.CollectionCount(2) - _counts[2]} gen2 collections, {paused.TotalMilliseconds:0} ms paused in all";
    }
}
