using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Gallery.Indexer.Search;

/// <summary>
/// Terms enumerators (and a postings enumerator each) reused per segment and field. Lucene.Net's block-tree
/// enumerator allocates several kilobytes (frames, buffers, a clone of the terms file), and a query made one per term
/// or field and segment: most of what a suggestion allocated, so most of its garbage collections. An enumerator
/// belongs to the segment's core, which deletions and updated pulls do not change, and serves one caller at a time.
/// </summary>
internal static class TermsEnumPool
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, ConcurrentBag<Lease>>> Pools = new();

    /// <summary>An enumerator of <paramref name="field"/> in <paramref name="segment"/>; null when the segment has no such field.</summary>
    public static Lease? Rent(AtomicReader segment, string field)
    {
        var pool = Pools.GetValue(segment.CoreCacheKey, _ => new()).GetOrAdd(field, _ => []);
        if (pool.TryTake(out var reused))
        {
            return reused;
        }

        var terms = segment.GetTerms(field);
        return terms is null ? null : new Lease(terms.GetEnumerator(), pool);
    }

    /// <summary>One caller's use of an enumerator; disposing it returns the enumerator for the next.</summary>
    public sealed class Lease(TermsEnum terms, ConcurrentBag<Lease> pool) : IDisposable
    {
        private DocsEnum? _docs;

        public TermsEnum Terms { get; } = terms;

        /// <summary>The postings of the current term, reusing the lease's postings enumerator.</summary>
        public DocsEnum Docs(Lucene.Net.Util.IBits? acceptDocs) => _docs = Terms.Docs(acceptDocs, _docs, DocsFlags.NONE);

        public void Dispose() => pool.Add(this);
    }
}
