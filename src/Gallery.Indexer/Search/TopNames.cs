using Lucene.Net.Search;

namespace Gallery.Indexer.Search;

/// <summary>
/// The first repositories of the names-only query (<see cref="SearchQuery.BuildNames(QueryText, Lucene.Net.Index.IndexReader)"/>)
/// for one typed word, exactly as the whole query ranks them, without scoring every repository a candidate name reaches
/// (a short prefix such as <c>wo</c> reaches thousands through parts like worker).
/// <para>
/// A repository whose name matches the word only in its parts (the word as a part, or a candidate name) scores what
/// <see cref="CandidateScores"/> reads from those terms' postings without the query. The query then runs only over the
/// repositories matching its other clauses (whole names, tags: few) and those whose part score reaches the count-th
/// best such score: every repository left out scores less than that, and the kept ones hold at least count
/// repositories scoring as much.
/// </para>
/// </summary>
internal static class TopNames
{
    /// <summary>Slack for float rounding: a repository is left out only when it falls short by more than this.</summary>
    private const float Margin = 1.001f;

    /// <summary>Candidates reaching no more repositories than this are scored by the query alone, which costs less.</summary>
    private const int FewEnough = 1000;

    public static TopDocs Search(IndexSearcher searcher, QueryText text, int count)
    {
        var index = searcher.IndexReader;
        if (text.Words.Count != 1 || text.AnyWord || text.Excluded.Count > 0 || text.Words[0].Length < 2)
        {
            return searcher.Search(SearchQuery.BuildNames(text, index), count);
        }

        var prefix = NamePrefix.Find(index, SearchQuery.TypedPrefix(text.Words[0]));
        if (prefix.Candidates.Sum(c => c.DocFreq) <= FewEnough)
        {
            return searcher.Search(SearchQuery.BuildNames(text, index, prefix), count);
        }

        var reached = CandidateScores.Reaching(index, text.Words[0], prefix, count, Margin);
        var kept = new MatchingDocsFilter(searcher, SearchQuery.BuildNamesBesidesParts(text, index, prefix), reached);
        return searcher.Search(new FilteredQuery(SearchQuery.BuildNames(text, index, prefix), kept, MatchingDocsFilter.AtRandom), count);
    }
}
