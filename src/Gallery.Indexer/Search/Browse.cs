using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gallery.Indexer.Search;

/// <summary>
/// Lists everything (no text, no publisher filter) by pulls, most first, then by name: what the query path would
/// return for a match-all query sorted by relevance or popularity (every score is the same), read straight from
/// the segments' <see cref="SegmentFacts"/> arrays instead of through a scorer, a sort comparator and doc values
/// per document. Filters and both facets are applied in the same loop.
/// </summary>
internal static class Browse
{
    /// <summary>The score a match-all query gives every document.</summary>
    public const float Score = 1f;

    public static (int Total, ScoreDoc[] Top) Run(IndexSearcher searcher, int size, bool? verified, FacetDimension architectures, FacetDimension systems)
    {
        var total = 0;
        var candidates = new List<(long Pulls, BytesRef Name, int Doc)>();
        var heap = new PriorityQueue<int, (long Pulls, int Ord, int Doc)>(size + 1, Worse.Instance);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var facts = SegmentFacts.For(reader);
            architectures.NextSegment(reader, facts.Architectures);
            systems.NextSegment(reader, facts.OperatingSystems);
            if (facts.Architectures.Masks is not { } archMasks || facts.OperatingSystems.Masks is not { } osMasks)
            {
                throw new InvalidOperationException("Browse needs facet masks");
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

                var arch = archMasks[doc];
                var os = osMasks[doc];
                var passesArch = architectures.Passes(arch);
                var passesOs = systems.Passes(os);
                if (passesOs)
                {
                    architectures.CountMask(arch);
                }

                if (passesArch)
                {
                    systems.CountMask(os);
                }

                if (!passesArch || !passesOs)
                {
                    continue;
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

        architectures.NextSegment(null, null);
        systems.NextSegment(null, null);
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
