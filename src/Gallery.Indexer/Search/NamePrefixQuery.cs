using Gallery.Indexer.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Gallery.Indexer.Search;

/// <summary>
/// A typed prefix (the last word, as typed so far) against names: a name scores by how much of it the prefix covers
/// and where it starts — from the start of the whole name (<c>ngin</c> → nginx: 0.8 of it), else from the start of a
/// part (<c>expo</c> → node-exporter's exporter), counted once per repository however often it recurs. The candidate
/// names come from the term dictionaries, shortest (best covered) first (<see cref="NamePrefix"/>).
/// </summary>
public static class NamePrefixQuery
{
    /// <summary>Score of a whole name the prefix covers entirely; a part scores at most <see cref="Part"/>.</summary>
    public const float Whole = 9;

    public const float Part = 5;

    /// <summary>The best of: the whole name (or its last part) starting with the prefix, a name part starting with it.</summary>
    public static Query Build(string prefix, IndexReader? index) =>
        index is null
            // Without the index (query building alone): any name part starting with the prefix, at a part's score.
            ? new ConstantScoreQuery(new PrefixQuery(new Term(IndexFields.NameText, prefix))) { Boost = Part }
            : Build(NamePrefix.Find(index, prefix));

    /// <summary>The same over candidates already read.</summary>
    public static Query Build(NamePrefix prefix)
    {
        var best = new DisjunctionMaxQuery(0);
        foreach (var field in NamePrefix.Fields)
        {
            var terms = prefix.Candidates.Where(c => c.Field == field).Select(c => (c.Term, c.Score)).ToList();
            if (terms.Count > 0)
            {
                best.Add(new NameTermsQuery(field, terms));
            }
        }

        return best.Disjuncts.Count > 0 ? best : new BooleanQuery();
    }

    /// <summary>How much of <paramref name="name"/> the prefix covers, from 0 to 1; shorter names first, then as typed.</summary>
    public static float Coverage(string prefix, string name) => (float)prefix.Length / name.Length;
}
