using Gallery.Indexer.Documents;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;

namespace Gallery.Indexer.Search;

/// <summary>
/// Scales a text match's score by popularity, gently: × (1 + 0.1·log10(1 + pulls)), so among similar matches the
/// most pulled ranks first but a better match is not buried by a popular one. Reads pulls from doc values.
/// </summary>
internal sealed class PopularityBoostQuery(Query query) : CustomScoreQuery(query)
{
    protected override CustomScoreProvider GetCustomScoreProvider(AtomicReaderContext context) => new Provider(context);

    private sealed class Provider(AtomicReaderContext context) : CustomScoreProvider(context)
    {
        private readonly NumericDocValues? _pulls = context.AtomicReader.GetNumericDocValues(IndexFields.Pulls);

        public override float CustomScore(int doc, float subQueryScore, float valSrcScore) =>
            subQueryScore * (1f + 0.1f * MathF.Log10(1 + Math.Max(0, _pulls?.Get(doc) ?? 0)));
    }
}
