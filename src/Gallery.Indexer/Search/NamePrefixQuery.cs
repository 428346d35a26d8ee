using Gallery.Indexer.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gallery.Indexer.Search;

/// <summary>
/// A typed prefix (the last word, as typed so far) against names: a name scores by how much of it the prefix covers
/// and where it starts — from the start of the whole name (<c>ngin</c> → nginx: 0.8 of it), else from the start of a
/// part (<c>expo</c> → node-exporter's exporter), counted once per repository however often it recurs. The candidate
/// names come from the term dictionaries, shortest (best covered) first.
/// </summary>
public static class NamePrefixQuery
{
    /// <summary>Score of a whole name the prefix covers entirely; a part scores at most <see cref="Part"/>.</summary>
    public const float Whole = 9;

    public const float Part = 5;

    /// <summary>Candidate names kept per field; the dictionary walk stops after <see cref="MaxScanned"/> terms.</summary>
    private const int MaxTerms = 32;

    private const int MaxScanned = 4096;

    /// <summary>The best of: the whole name (or its last part) starting with the prefix, a name part starting with it.</summary>
    public static Query Build(string prefix, IndexReader? index)
    {
        if (index is null)
        {
            // Without the index (query building alone): any name part starting with the prefix, at a part's score.
            return new ConstantScoreQuery(new PrefixQuery(new Term(IndexFields.NameText, prefix))) { Boost = Part };
        }

        var best = new DisjunctionMaxQuery(0);
        foreach (var (field, score) in (ReadOnlySpan<(string, float)>)[(IndexFields.NameKey, Whole), (IndexFields.LastPartKey, Whole), (IndexFields.NameText, Part)])
        {
            var candidates = Candidates(index, field, prefix);
            if (candidates.Count > 0)
            {
                best.Add(new NameTermsQuery(field, candidates.Select(term => (term, score * Coverage(prefix, term))).ToList()));
            }
        }

        return best.Disjuncts.Count > 0 ? best : new BooleanQuery();
    }

    /// <summary>How much of <paramref name="name"/> the prefix covers, from 0 to 1; shorter names first, then as typed.</summary>
    public static float Coverage(string prefix, string name) => (float)prefix.Length / name.Length;

    /// <summary>The shortest terms of <paramref name="field"/> starting with <paramref name="prefix"/>.</summary>
    public static List<string> Candidates(IndexReader index, string field, string prefix, int max = MaxTerms)
    {
        var found = new List<string>();
        var terms = MultiFields.GetTerms(index, field);
        if (terms is null)
        {
            return found;
        }

        var iterator = terms.GetEnumerator();
        var start = new BytesRef(prefix);
        if (iterator.SeekCeil(start) == TermsEnum.SeekStatus.END)
        {
            return found;
        }

        // The scanned terms' bytes go to one buffer; only the kept ones become strings.
        var shortest = new PriorityQueue<(int Start, int Length), int>();
        var bytes = new List<byte>();
        var scanned = 0;
        do
        {
            var term = iterator.Term;
            if (!StringHelper.StartsWith(term, start) || ++scanned > MaxScanned)
            {
                break;
            }

            shortest.Enqueue((bytes.Count, term.Length), -term.Length);
            bytes.AddRange(term.Bytes.AsSpan(term.Offset, term.Length));
            if (shortest.Count > max)
            {
                shortest.Dequeue();
            }
        }
        while (iterator.MoveNext());

        var buffer = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes);
        while (shortest.TryDequeue(out var term, out _))
        {
            found.Add(System.Text.Encoding.UTF8.GetString(buffer.Slice(term.Start, term.Length)));
        }

        return found;
    }
}
