using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gallery.Indexer.Search;

/// <summary>
/// Some terms of one field, each with its own score; a document scores the best of the terms it has — what a
/// disjunction (tie-breaker 0) of constant-score term queries scores, to the bit. Per segment it reads the terms with
/// one pooled terms enumerator and its postings enumerator (<see cref="TermsEnumPool"/>) and scores from two arrays, where a query per term built both per
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
            using var lease = TermsEnumPool.Rent(context.AtomicReader, query.Field);
            if (lease is null)
            {
                return null;
            }

            // Found first, so the scratch arrays are rented once at their size (a name part such as proxy has thousands of documents).
            var iterator = lease.Terms;
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

            // Filtered postings (acceptDocs) may keep far fewer documents than the terms hold: only those are kept.
            var docs = System.Buffers.ArrayPool<int>.Shared.Rent(size);
            var scores = System.Buffers.ArrayPool<float>.Shared.Rent(size);
            try
            {
                var count = 0;
                foreach (var (term, state, score) in found)
                {
                    iterator.SeekExact(term, state);
                    var postings = lease.Docs(acceptDocs);
                    int doc;
                    while ((doc = postings.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                    {
                        docs[count] = doc;
                        scores[count++] = score;
                    }
                }

                return count == 0 ? null : new ArrayScorer(this, docs.AsSpan(0, count), scores.AsSpan(0, count));
            }
            finally
            {
                System.Buffers.ArrayPool<int>.Shared.Return(docs);
                System.Buffers.ArrayPool<float>.Shared.Return(scores);
            }
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

        /// <summary>Sorts the matches by document in place, then keeps each document once, with its best score.</summary>
        public ArrayScorer(Weight weight, Span<int> docs, Span<float> scores) : base(weight)
        {
            docs.Sort(scores);
            var kept = 0;
            for (var i = 0; i < docs.Length; i++)
            {
                if (kept > 0 && docs[kept - 1] == docs[i])
                {
                    scores[kept - 1] = Math.Max(scores[kept - 1], scores[i]);
                }
                else
                {
                    docs[kept] = docs[i];
                    scores[kept++] = scores[i];
                }
            }

            _docs = docs[..kept].ToArray();
            _scores = scores[..kept].ToArray();
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
