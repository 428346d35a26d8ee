using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;

namespace Gallery.Indexer.Search;

/// <summary>
/// Scales a text match's score by popularity and trust, gently: × (1 + 0.1·log10(1 + pulls)), × 1.2 for a verified
/// publisher. Among similar matches the most pulled, verified one ranks first, but no factor (at most about 2.4)
/// lifts a match over the next tier of <see cref="SearchQuery"/>. Reads the factors from <see cref="SegmentFacts"/>.
/// </summary>
internal sealed class PopularityBoostQuery(Query query) : CustomScoreQuery(query)
{
    public const float Verified = 1.2f;

    protected override CustomScoreProvider GetCustomScoreProvider(AtomicReaderContext context) => new Provider(context);

    public static float Factor(long pulls, bool verified) => (1f + 0.1f * MathF.Log10(1 + Math.Max(0, pulls))) * (verified ? Verified : 1f);

    private sealed class Provider(AtomicReaderContext context) : CustomScoreProvider(context)
    {
        private readonly float[] _factors = SegmentFacts.For(context.AtomicReader).Factors;

        public override float CustomScore(int doc, float subQueryScore, float valSrcScore) => subQueryScore * _factors[doc];
    }
}
