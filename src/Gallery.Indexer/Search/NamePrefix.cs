using Gallery.Indexer.Documents;
using Lucene.Net.Index;

namespace Gallery.Indexer.Search;

/// <summary>
/// The names a typed prefix may complete: per name field the <see cref="MaxTerms"/> shortest terms starting with it,
/// each with the score a repository holding it earns (<see cref="NamePrefixQuery"/>: the field's score times how much
/// of the term the prefix covers). Read once per query from the term dictionaries.
/// </summary>
public sealed record NamePrefix(string Prefix, IReadOnlyList<NamePrefix.Candidate> Candidates)
{
    /// <summary>Candidate names kept per field.</summary>
    public const int MaxTerms = 32;

    /// <summary>The whole name, its last part (for namespaced names) and each of its parts.</summary>
    public static readonly string[] Fields = [IndexFields.NameKey, IndexFields.LastPartKey, IndexFields.NameText];

    public readonly record struct Candidate(string Field, string Term, float Score, int DocFreq);

    public static NamePrefix Find(IndexReader index, string prefix)
    {
        var candidates = new List<Candidate>();
        foreach (var field in Fields)
        {
            var score = field == IndexFields.NameText ? NamePrefixQuery.Part : NamePrefixQuery.Whole;
            candidates.AddRange(PrefixTerms.Shortest(index, field, prefix, MaxTerms)
                .Select(t => new Candidate(field, t.Term, score * NamePrefixQuery.Coverage(prefix, t.Term), t.DocFreq)));
        }

        return new NamePrefix(prefix, candidates);
    }

    /// <summary>The same prefix completing to no name: what the rest of a query matches without it.</summary>
    public NamePrefix WithoutCandidates() => this with { Candidates = [] };
}
