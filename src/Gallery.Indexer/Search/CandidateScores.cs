using System.Buffers;
using Gallery.Indexer.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Gallery.Indexer.Search;

/// <summary>
/// What each live repository scores in the names-only query from a typed word's matches in name parts alone: the word
/// as a part (<see cref="SearchQuery.NameWordBoost"/> times the part's length norm) and its best candidate name
/// (<see cref="NamePrefix"/>), combined as the word's disjunction combines them, times its popularity factor
/// (<see cref="SegmentFacts.Factors"/>). Read from those terms' postings, without the query.
/// </summary>
internal static class CandidateScores
{
    private static readonly TFIDFSimilarity NameSimilarity = (TFIDFSimilarity)GallerySimilarity.Instance.Get(IndexFields.NameText);

    /// <summary>
    /// Per segment (by leaf ordinal), the repositories scoring at least the <paramref name="count"/>-th best score over
    /// all segments, divided by <paramref name="margin"/>; all that score anything when fewer do.
    /// </summary>
    public static FixedBitSet?[] Reaching(IndexReader index, string word, NamePrefix prefix, int count, float margin)
    {
        var leaves = index.Leaves;
        var scores = new float[leaves.Count][];
        var touched = new List<int>[leaves.Count];
        var top = new PriorityQueue<float, float>(count + 1);
        try
        {
            for (var ord = 0; ord < leaves.Count; ord++)
            {
                var segment = leaves[ord].AtomicReader;
                scores[ord] = ArrayPool<float>.Shared.Rent(2 * segment.MaxDoc);
                Array.Clear(scores[ord], 0, 2 * segment.MaxDoc);
                touched[ord] = Score(segment, word, prefix, scores[ord]);
                foreach (var doc in touched[ord])
                {
                    top.Enqueue(scores[ord][doc], scores[ord][doc]);
                    if (top.Count > count)
                    {
                        top.Dequeue();
                    }
                }
            }

            var least = top.Count == count ? top.Peek() / margin : float.Epsilon;
            var reaching = new FixedBitSet?[leaves.Count];
            for (var ord = 0; ord < leaves.Count; ord++)
            {
                foreach (var doc in touched[ord])
                {
                    if (scores[ord][doc] >= least)
                    {
                        (reaching[ord] ??= new FixedBitSet(leaves[ord].AtomicReader.MaxDoc)).Set(doc);
                    }
                }
            }

            return reaching;
        }
        finally
        {
            foreach (var rented in scores)
            {
                if (rented is not null)
                {
                    ArrayPool<float>.Shared.Return(rented);
                }
            }
        }
    }

    /// <summary>
    /// Each reached live document's score into the first half of <paramref name="scores"/> (the second half holds its
    /// best candidate's score while reading); the documents reached.
    /// </summary>
    private static List<int> Score(AtomicReader segment, string word, NamePrefix prefix, float[] scores)
    {
        var maxDoc = segment.MaxDoc;
        var touched = new List<int>();

        // Every live document holding the term, noted as reached the first time.
        void Read(TermsEnumPool.Lease lease, Action<int> score)
        {
            var postings = lease.Docs(segment.LiveDocs);
            int doc;
            while ((doc = postings.NextDoc()) != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS)
            {
                if (scores[maxDoc + doc] == 0 && scores[doc] == 0)
                {
                    touched.Add(doc);
                }

                score(doc);
            }
        }

        foreach (var field in NamePrefix.Fields)
        {
            using var lease = TermsEnumPool.Rent(segment, field);
            foreach (var candidate in prefix.Candidates)
            {
                if (lease is not null && candidate.Field == field && lease.Terms.SeekExact(new BytesRef(candidate.Term)))
                {
                    Read(lease, doc => scores[maxDoc + doc] = Math.Max(scores[maxDoc + doc], candidate.Score));
                }
            }
        }

        // The word as a part: its score where it is one, else 0; then the two combined as the word's disjunction does.
        using (var lease = TermsEnumPool.Rent(segment, IndexFields.NameText))
        {
            if (lease is not null && lease.Terms.SeekExact(new BytesRef(word)) && segment.GetNormValues(IndexFields.NameText) is { } norms)
            {
                Read(lease, doc => scores[doc] = SearchQuery.NameWordBoost * NameSimilarity.DecodeNormValue(norms.Get(doc)));
            }
        }

        var factors = SegmentFacts.For(segment).Factors;
        foreach (var doc in touched)
        {
            var (part, candidate) = (scores[doc], scores[maxDoc + doc]);
            var max = Math.Max(part, candidate);
            scores[doc] = (max + (part + candidate - max) * SearchQuery.WordTieBreaker) * factors[doc];
        }

        return touched;
    }
}
