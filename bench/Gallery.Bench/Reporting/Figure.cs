using Gallery.Bench.Measure;

namespace Gallery.Bench.Reporting;

public enum Better
{
    Higher,
    Lower,
}

/// <summary>
/// One figure measured on both servers in the same run: every sample kept, the median reported. The ratio is always
/// ours ÷ peer in the figure's unit, so above 1 is better for rates and below 1 is better for times and memory.
/// A figure with an absolute target (memory growth near zero on both sides) sets Comparable false: no ratio.
/// </summary>
public sealed record Figure(
    string Id,
    string Title,
    string Unit,
    Better Better,
    IReadOnlyList<double> OursSamples,
    IReadOnlyList<double> PeerSamples,
    Target? Target = null,
    string? Note = null,
    bool Comparable = true)
{
    public double Ours => Stats.Median(OursSamples);

    public double Peer => Stats.Median(PeerSamples);

    /// <summary>Null when either side is missing or zero, or when the figure is judged on its own (<see cref="Comparable"/> false).</summary>
    public double? Ratio => Comparable && Peer > 0 && OursSamples.Count > 0 ? Ours / Peer : null;

    public bool? Met => Target?.IsMet(this);
}
