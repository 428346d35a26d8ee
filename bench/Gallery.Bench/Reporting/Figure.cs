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
    bool Comparable = true,
    Limit? Limit = null)
{
    public double Ours => Stats.Median(OursSamples);

    public double Peer => Stats.Median(PeerSamples);

    /// <summary>Null when either side is missing or zero, or when the figure is judged on its own (<see cref="Comparable"/> false).</summary>
    public double? Ratio => Comparable && Peer > 0 && OursSamples.Count > 0 ? Ours / Peer : null;

    public bool? Met => Target?.IsMet(this);
}

/// <summary>
/// The machine's own ceiling for a figure, in its unit (<see cref="Measure.MachineLimits"/>): the best of its samples,
/// which may still grow while figures are taken (the limits are measured again at the end), so it is read late.
/// </summary>
public sealed record Limit(string Name, IReadOnlyList<double> Samples)
{
    public double Value => Samples.Count == 0 ? 0 : Samples.Max();

    /// <summary>"62%" of the limit, or "-" when unknown.</summary>
    public string Fraction(IReadOnlyList<double> values) =>
        values.Count == 0 || Value <= 0 ? "-" : (Stats.Median(values) / Value * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
