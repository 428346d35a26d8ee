using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gallery.Indexer.Search;

/// <summary>
/// Lists everything (no text, no publisher filter) by pulls, most first, then by name: what the query path would
/// return for a match-all query sorted by relevance or popularity (every score is the same), read straight from
/// the segments' <see cref="SegmentFacts"/> arrays instead of through a scorer, a sort comparator and doc values
/// per document. Filters and every facet are applied in the same loop.
/// </summary>
internal static class Browse
{
    /// <summary>The score a match-all query gives every document.</summary>
    public const float Score = 1f;

    public static (int Total, ScoreDoc[] Top) Run(IndexSearcher searcher, int size, bool? verified, IReadOnlyList<FacetDimension> dimensions)
    {
        var masks = new ulong[dimensions.Count][];
        var total = 0;
        var candidates = new List<(long Pulls, BytesRef Name, int Doc)>();
        var heap = new PriorityQueue<int, (long Pulls, int Ord, int Doc)>(size + 1, Worse.Instance);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var facts = SegmentFacts.For(reader);
            for (var i = 0; i < dimensions.Count; i++)
            {
                var column = dimensions[i].Column(reader);
                dimensions[i].NextSegment(reader, column);
                masks[i] = column.Masks ?? throw new InvalidOperationException("Browse needs facet masks");
            }

            var live = facts.LiveDocs;
            var pulls = facts.Pulls;
            var ords = facts.SortOrds;
            heap.Clear();
            for (var doc = 0; doc < facts.MaxDoc; doc++)
            {
                if ((live is not null && !live.Get(doc)) || (verified is { } v && facts.Verified.Get(doc) != v))
                {
                    continue;
                }

                var failures = 0;
                var failed = 0;
                for (var i = 0; i < masks.Length; i++)
                {
                    if (!dimensions[i].Passes(masks[i][doc]))
                    {
                        failures++;
                        failed = i;
                    }
                }

                if (failures == 1)
                {
                    dimensions[failed].CountMask(masks[failed][doc]);
                }

                if (failures > 0)
                {
                    continue;
                }

                for (var i = 0; i < masks.Length; i++)
                {
                    dimensions[i].CountMask(masks[i][doc]);
                }

                total++;
                var key = (pulls[doc], ords[doc], doc);
                if (heap.Count < size)
                {
                    heap.Enqueue(doc, key);
                }
                else if (heap.TryPeek(out _, out var worst) && Worse.Instance.Compare(worst, key) < 0)
                {
                    heap.DequeueEnqueue(doc, key);
                }
            }

            while (heap.TryDequeue(out var doc, out var key))
            {
                var name = new BytesRef();
                if (facts.SortNames is { } names && key.Ord >= 0)
                {
                    names.LookupOrd(key.Ord, name);
                    name = BytesRef.DeepCopyOf(name);
                }

                candidates.Add((key.Pulls, name, leaf.DocBase + doc));
            }
        }

        foreach (var dimension in dimensions)
        {
            dimension.NextSegment(null, null);
        }
        candidates.Sort((a, b) => a.Pulls != b.Pulls ? b.Pulls.CompareTo(a.Pulls)
            : a.Name.CompareTo(b.Name) is var byName and not 0 ? byName : a.Doc.CompareTo(b.Doc));
        var top = new ScoreDoc[Math.Min(size, candidates.Count)];
        for (var i = 0; i < top.Length; i++)
        {
            top[i] = new ScoreDoc(candidates[i].Doc, Score);
        }

        return (total, top);
    }

    /// <summary>Orders keys worst first (fewer pulls, then later name, then later document), so the heap's root is the one to drop.</summary>
    private sealed class Worse : IComparer<(long Pulls, int Ord, int Doc)>
    {
        public static readonly Worse Instance = new();

        public int Compare((long Pulls, int Ord, int Doc) x, (long Pulls, int Ord, int Doc) y) =>
            x.Pulls != y.Pulls ? x.Pulls.CompareTo(y.Pulls) : x.Ord != y.Ord ? y.Ord.CompareTo(x.Ord) : y.Doc.CompareTo(x.Doc);
    }
}
