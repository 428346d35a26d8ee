using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gallery.Indexer.Search;

/// <summary>
/// Some terms of one field, each with its own score; a document scores the best of the terms it has — what a
/// disjunction (tie-breaker 0) of constant-score term queries scores, to the bit. Per segment it reads the terms with
/// one terms enumerator and one postings enumerator and scores from two arrays, where a query per term built both per
/// term (about 11 KB per term and segment) and merged the terms' postings document by document. A typed prefix has up
/// to 32 candidate names per field (<see cref="NamePrefixQuery"/>).
/// </summary>
internal sealed class NameTermsQuery(string fieldName, IReadOnlyList<(string Term, float Score)> terms) : Query
{
    public override Weight CreateWeight(IndexSearcher searcher) => new TermsWeight(this);

    public override void ExtractTerms(ISet<Term> found)
    {
        foreach (var (term, _) in terms)
        {
            found.Add(new Term(fieldName, term));
        }
    }

    public override string ToString(string defaultField) => $"{fieldName}:({string.Join(' ', terms.Select(t => $"{t.Term}^{t.Score}"))})";

    public override bool Equals(object? obj) =>
        obj is NameTermsQuery other && other.Boost == Boost && other.Field == Field && other.Terms.SequenceEqual(Terms);

    public override int GetHashCode() => HashCode.Combine(Field, Terms.Count, Boost);

    private string Field => fieldName;

    private IReadOnlyList<(string Term, float Score)> Terms => terms;

    private sealed class TermsWeight(NameTermsQuery query) : Weight
    {
        private readonly (BytesRef Term, float Score)[] _terms = query.Terms.Select(t => (new BytesRef(t.Term), t.Score)).ToArray();
        private float _queryNorm = 1;

        public override Query Query => query;

        public override float GetValueForNormalization() => query.Boost * query.Boost;

        // As a constant-score query's weight: its score times the norm and the enclosing boosts.
        public override void Normalize(float norm, float topLevelBoost) => _queryNorm = norm * topLevelBoost * query.Boost;

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var fieldTerms = context.AtomicReader.GetTerms(query.Field);
            if (fieldTerms is null)
            {
                return null;
            }

            // Found first, so the arrays are allocated once at their size (a name part such as proxy has thousands of documents).
            var iterator = fieldTerms.GetEnumerator();
            var found = new List<(BytesRef Term, TermState State, float Score)>(_terms.Length);
            var size = 0;
            foreach (var (term, score) in _terms)
            {
                if (iterator.SeekExact(term))
                {
                    found.Add((term, iterator.GetTermState(), score * _queryNorm));
                    size += iterator.DocFreq;
                }
            }

            if (size == 0)
            {
                return null;
            }

            var docs = new int[size];
            var scores = new float[size];
            var count = 0;
            DocsEnum? postings = null;
            foreach (var (term, state, score) in found)
            {
                iterator.SeekExact(term, state);
                postings = iterator.Docs(acceptDocs, postings, DocsFlags.NONE);
                int doc;
                while ((doc = postings.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                {
                    docs[count] = doc;
                    scores[count++] = score;
                }
            }

            return count == 0 ? null : new ArrayScorer(this, docs, scores, count);
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            var scorer = GetScorer(context, context.AtomicReader.LiveDocs);
            return scorer is not null && scorer.Advance(doc) == doc
                ? new Explanation(scorer.GetScore(), $"best name term of {query.Field}")
                : new Explanation(0, "no name term");
        }
    }

    /// <summary>The matching documents in order, each with its best term's score.</summary>
    private sealed class ArrayScorer : Scorer
    {
        private readonly int[] _docs;
        private readonly float[] _scores;
        private readonly int _count;
        private int _at = -1;

        public ArrayScorer(Weight weight, int[] docs, float[] scores, int count) : base(weight)
        {
            _docs = docs;
            _scores = scores;
            Array.Sort(_docs, _scores, 0, count);
            var kept = 0;
            for (var i = 0; i < count; i++)
            {
                if (kept > 0 && _docs[kept - 1] == _docs[i])
                {
                    _scores[kept - 1] = Math.Max(_scores[kept - 1], _scores[i]);
                }
                else
                {
                    _docs[kept] = _docs[i];
                    _scores[kept++] = _scores[i];
                }
            }

            _count = kept;
        }

        public override int DocID => _at < 0 ? -1 : _at < _count ? _docs[_at] : NO_MORE_DOCS;

        public override int Freq => 1;

        public override float GetScore() => _scores[_at];

        public override int NextDoc() => ++_at < _count ? _docs[_at] : NO_MORE_DOCS;

        public override int Advance(int target)
        {
            while (++_at < _count && _docs[_at] < target)
            {
            }

            return _at < _count ? _docs[_at] : NO_MORE_DOCS;
        }

        public override long GetCost() => _count;
    }
}
