using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Gallery.Indexer.Search;

/// <summary>
/// What each live repository scores from a typed prefix's candidate names alone: its best candidate's score times its
/// popularity factor (<see cref="SegmentFacts.Factors"/>), read from the candidates' postings without a query.
/// </summary>
internal static class CandidateScores
{
    /// <summary>
    /// Per segment (by leaf ordinal), the repositories scoring at least the <paramref name="count"/>-th best score over
    /// all segments, divided by <paramref name="margin"/>; all that score anything when fewer do.
    /// </summary>
    public static FixedBitSet?[] Reaching(IndexReader index, NamePrefix prefix, int count, float margin)
    {
        var leaves = index.Leaves;
        var best = new float[leaves.Count][];
        var touched = new List<int>[leaves.Count];
        var top = new PriorityQueue<float, float>(count + 1);
        try
        {
            for (var ord = 0; ord < leaves.Count; ord++)
            {
                var segment = leaves[ord].AtomicReader;
                best[ord] = ArrayPool<float>.Shared.Rent(segment.MaxDoc);
                Array.Clear(best[ord], 0, segment.MaxDoc);
                touched[ord] = Score(segment, prefix, best[ord]);
                foreach (var doc in touched[ord])
                {
                    top.Enqueue(best[ord][doc], best[ord][doc]);
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
                    if (best[ord][doc] >= least)
                    {
                        (reaching[ord] ??= new FixedBitSet(leaves[ord].AtomicReader.MaxDoc)).Set(doc);
                    }
                }
            }

            return reaching;
        }
        finally
        {
            foreach (var scores in best)
            {
                if (scores is not null)
                {
                    ArrayPool<float>.Shared.Return(scores);
                }
            }
        }
    }

    /// <summary>Each live document's best candidate score times its factor, into <paramref name="best"/> (zero where no candidate reaches); the documents reached.</summary>
    private static List<int> Score(AtomicReader segment, NamePrefix prefix, float[] best)
    {
        var touched = new List<int>();
        var factors = SegmentFacts.For(segment).Factors;
        foreach (var field in NamePrefix.Fields)
        {
            using var lease = TermsEnumPool.Rent(segment, field);
            if (lease is null)
            {
                continue;
            }

            foreach (var candidate in prefix.Candidates)
            {
                if (candidate.Field != field || !lease.Terms.SeekExact(new BytesRef(candidate.Term)))
                {
                    continue;
                }

                var postings = lease.Docs(segment.LiveDocs);
                int doc;
                while ((doc = postings.NextDoc()) != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS)
                {
                    if (best[doc] == 0)
                    {
                        touched.Add(doc);
                    }

                    best[doc] = Math.Max(best[doc], candidate.Score * factors[doc]);
                }
            }
        }

        return touched;
    }
}
