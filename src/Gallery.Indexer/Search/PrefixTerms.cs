using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Gallery.Indexer.Search;

/// <summary>
/// Walks of one field's term dictionaries for the terms starting with a prefix, segment by segment (a merged walk over
/// every segment at once costs about twice as much), each stopping after <see cref="MaxScanned"/> terms.
/// </summary>
internal static class PrefixTerms
{
    public const int MaxScanned = 4096;

    /// <summary>
    /// The <paramref name="max"/> shortest terms starting with <paramref name="prefix"/> (of equal length, the first in
    /// term order), each with its document frequency over all segments.
    /// </summary>
    public static List<(string Term, int DocFreq)> Shortest(IndexReader index, string field, string prefix, int max)
    {
        var kept = new SortedSet<(int Length, string Term)>(ShortestFirst.Instance);
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var start = new BytesRef(prefix);
        foreach (var leaf in index.Leaves)
        {
            // A term's string is made only when it is no longer than the longest kept. A term once left out is never
            // kept later (the kept only get shorter), so a kept term's frequency has every segment's share.
            Walk(leaf.AtomicReader, field, start, (term, iterator) =>
            {
                if (kept.Count == max && term.Length > kept.Max.Length)
                {
                    return;
                }

                var text = term.Utf8ToString();
                frequencies[text] = frequencies.GetValueOrDefault(text) + iterator.DocFreq;
                if (kept.Add((term.Length, text)) && kept.Count > max)
                {
                    kept.Remove(kept.Max);
                }
            });
        }

        return [.. kept.Select(k => (k.Term, frequencies[k.Term]))];
    }

    /// <summary>Every term starting with <paramref name="prefix"/> (as far as the walks go) and its document frequency over all segments.</summary>
    public static Dictionary<string, int> Frequencies(IndexReader index, string field, string prefix)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var start = new BytesRef(prefix);
        foreach (var leaf in index.Leaves)
        {
            Walk(leaf.AtomicReader, field, start, (term, iterator) =>
            {
                var text = term.Utf8ToString();
                found[text] = found.GetValueOrDefault(text) + iterator.DocFreq;
            });
        }

        return found;
    }

    private static void Walk(AtomicReader segment, string field, BytesRef start, Action<BytesRef, TermsEnum> visit)
    {
        using var lease = TermsEnumPool.Rent(segment, field);
        if (lease is null)
        {
            return;
        }

        var iterator = lease.Terms;
        if (iterator.SeekCeil(start) == TermsEnum.SeekStatus.END)
        {
            return;
        }

        var scanned = 0;
        do
        {
            var term = iterator.Term;
            if (!StringHelper.StartsWith(term, start) || ++scanned > MaxScanned)
            {
                return;
            }

            visit(term, iterator);
        }
        while (iterator.MoveNext());
    }

    private sealed class ShortestFirst : IComparer<(int Length, string Term)>
    {
        public static ShortestFirst Instance { get; } = new();

        public int Compare((int Length, string Term) x, (int Length, string Term) y) =>
            x.Length != y.Length ? x.Length.CompareTo(y.Length) : string.CompareOrdinal(x.Term, y.Term);
    }
}
