namespace Gallery.Bench.Reporting;

/// <summary>What a figure must reach, from the issues: a ratio to the peer, or an absolute bound on our value.</summary>
public abstract record Target
{
    /// <summary>At least as good as <paramref name="ratio"/> × the peer, in the figure's better direction.</summary>
    public static Target AtLeastPeer(double ratio) => new RelativeTarget(ratio);

    /// <summary>Our value strictly below <paramref name="bound"/>, in the figure's unit.</summary>
    public static Target OursBelow(double bound) => new AbsoluteTarget(bound);

    public abstract string Describe(Figure figure);

    public abstract bool? IsMet(Figure figure);

    private sealed record RelativeTarget(double Ratio) : Target
    {
        public override string Describe(Figure figure) =>
            figure.Better == Better.Higher ? $">= {Ratio:0.0}x peer" : $"<= {1 / Ratio:0.0}x peer";

        public override bool? IsMet(Figure figure) => figure.Ratio switch
        {
            null => null,
            var r when figure.Better == Better.Higher => r >= Ratio,
            var r => r <= 1 / Ratio,
        };
    }

    private sealed record AbsoluteTarget(double Bound) : Target
    {
        public override string Describe(Figure figure) => $"< {Bound:0.###} {figure.Unit}";

        public override bool? IsMet(Figure figure) => figure.OursSamples.Count == 0 ? null : figure.Ours < Bound;
    }
}
