using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gallery.Indexer.Search;

/// <summary>
/// The live documents a query matches, and any given per segment, as a bit set per segment, applied at random access
/// (<see cref="AtRandom"/>): every clause of the filtered query skips the other documents as it reads its postings,
/// so none of them is scored.
/// </summary>
internal sealed class MatchingDocsFilter(IndexSearcher searcher, Query query, IReadOnlyList<FixedBitSet?> alsoPerSegment) : Filter
{
    private readonly Weight _weight = searcher.CreateNormalizedWeight(query);

    public static FilteredQuery.FilterStrategy AtRandom { get; } = new RandomAccess();

    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var matching = alsoPerSegment[context.Ord] ?? new FixedBitSet(context.AtomicReader.MaxDoc);
        if (_weight.GetScorer(context, acceptDocs) is { } scorer)
        {
            int doc;
            while ((doc = scorer.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                matching.Set(doc);
            }
        }

        return matching;
    }

    private sealed class RandomAccess : FilteredQuery.RandomAccessFilterStrategy
    {
        protected override bool UseRandomAccess(IBits bits, int firstFilterDoc) => true;
    }
}
