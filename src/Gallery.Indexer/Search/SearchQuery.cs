using Gallery.Indexer.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Gallery.Indexer.Search;

/// <summary>
/// Builds the Lucene query for some text, without a query parser. Every word must match some field (any word, when
/// the text says OR; a dotted chunk may match as one prose term instead); excluded words rule a repository out by
/// its name, publisher or description. Per word the
/// best field counts: the name's parts, then name prefixes (search-as-you-type), the publisher, the description,
/// tags, then About and Usage, each also with typos tolerated for words of 4+ letters. On top, the whole text as an
/// exact name, or its words joined as a name (<c>aws cli</c> → <c>awscli</c>), ranks first; verified publishers and
/// popular repositories get a gentle lift.
/// </summary>
public static class SearchQuery
{
    /// <summary>
    /// The query for <paramref name="text"/>. Given the <paramref name="index"/> it will run on, a word that is itself a
    /// term of some name is taken as typed: its typo expansion (a walk of the name dictionary) is skipped.
    /// </summary>
    public static Query Build(QueryText text, IndexReader? index = null)
    {
        if (text.IsEmpty)
        {
            return new MatchAllDocsQuery();
        }

        var query = new BooleanQuery();
        if (text.Words.Count == 0)
        {
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
        }
        else
        {
            query.Add(Match(text, index), Occur.MUST);
            query.Add(Boosted(new TermQuery(new Term(IndexFields.Verified, "true")), 0.5f), Occur.SHOULD);
        }

        foreach (var word in text.Excluded)
        {
            query.Add(Shown(word), Occur.MUST_NOT);
        }

        return new PopularityBoostQuery(query);
    }

    /// <summary>A repository matches when every word does (any word, for a text with OR), or when the text names it as a whole.</summary>
    private static BooleanQuery Match(QueryText text, IndexReader? index)
    {
        var match = new BooleanQuery { MinimumNumberShouldMatch = 1 };
        var words = new BooleanQuery();
        var required = text.Words.Where(w => !QueryText.IsStopWord(w)).ToList();
        if (required.Count == 0)
        {
            required = [.. text.Words];
        }

        var position = 0;
        foreach (var chunk in text.Chunks)
        {
            var chunkWords = new BooleanQuery();
            foreach (var word in chunk.Words)
            {
                var typos = index is not null && IsNameTerm(index, word) ? 0 : Typos(word);
                chunkWords.Add(Word(word, isLast: ++position == text.Words.Count, typos), required.Contains(word) && !text.AnyWord ? Occur.MUST : Occur.SHOULD);
            }

            if (chunk.Compound is { } compound)
            {
                // node.js: its words, or the one term prose makes of it.
                var either = new BooleanQuery { MinimumNumberShouldMatch = 1 };
                either.Add(chunkWords, Occur.SHOULD);
                either.Add(Prose(compound), Occur.SHOULD);
                words.Add(either, text.AnyWord ? Occur.SHOULD : Occur.MUST);
            }
            else
            {
                foreach (var clause in chunkWords.Clauses)
                {
                    words.Add(clause);
                }
            }
        }

        match.Add(words, Occur.SHOULD);
        match.Add(Boosted(new TermQuery(new Term(IndexFields.ExactName, text.Whole)), 30), Occur.SHOULD);
        var joined = string.Concat(text.Words);
        match.Add(Boosted(new TermQuery(new Term(IndexFields.ExactName, joined)), 20), Occur.SHOULD);
        if (text.Words.Count > 1)
        {
            match.Add(Boosted(new TermQuery(new Term(IndexFields.ExactName, string.Join('-', text.Words))), 20), Occur.SHOULD);
            match.Add(Boosted(new TermQuery(new Term(IndexFields.NameText, joined)), 10), Occur.SHOULD);
        }

        return match;
    }

    /// <summary>A word in what a card shows (name, publisher, description): what leaving a word out rules out.</summary>
    private static Query Shown(string word)
    {
        var shown = new BooleanQuery
        {
            { new TermQuery(new Term(IndexFields.NameText, word)), Occur.SHOULD },
        };
        foreach (var term in QueryText.Analyze(GalleryAnalyzers.Text, IndexFields.Description, word))
        {
            shown.Add(new TermQuery(new Term(IndexFields.PublisherText, term)), Occur.SHOULD);
            shown.Add(new TermQuery(new Term(IndexFields.Description, term)), Occur.SHOULD);
        }

        return shown;
    }

    /// <summary>One prose term, in the prose fields.</summary>
    private static DisjunctionMaxQuery Prose(string term) => new(0.1f)
    {
        Boosted(new TermQuery(new Term(IndexFields.PublisherText, term)), 4),
        Boosted(new TermQuery(new Term(IndexFields.Description, term)), 3),
        Boosted(new TermQuery(new Term(IndexFields.About, term)), 1.5f),
        Boosted(new TermQuery(new Term(IndexFields.Usage, term)), 1),
    };

    private static Query Word(string word, bool isLast, int typos)
    {
        var best = new DisjunctionMaxQuery(0.1f)
        {
            Boosted(new TermQuery(new Term(IndexFields.NameText, word)), 10),
            Boosted(new TermQuery(new Term(IndexFields.TagText, word)), 1.5f),
        };
        if (word.Length >= 2)
        {
            var prefix = word.Length > 20 ? word[..20] : word;
            best.Add(Boosted(new TermQuery(new Term(IndexFields.NamePrefix, prefix)), isLast ? 6 : 3));
        }

        if (typos > 0)
        {
            best.Add(Boosted(Fuzzy(IndexFields.NameText, word, typos), 4));
        }

        foreach (var term in QueryText.Analyze(GalleryAnalyzers.Text, IndexFields.Description, word))
        {
            best.Add(Boosted(new TermQuery(new Term(IndexFields.PublisherText, term)), 4));
            best.Add(Boosted(new TermQuery(new Term(IndexFields.Description, term)), 3));
            best.Add(Boosted(new TermQuery(new Term(IndexFields.About, term)), 1.5f));
            best.Add(Boosted(new TermQuery(new Term(IndexFields.Usage, term)), 1));

            if (isLast && term.Length >= 3)
            {
                best.Add(Boosted(new PrefixQuery(new Term(IndexFields.Description, term)), 1));
            }
        }

        return best;
    }

    /// <summary>Whether some repository's name has <paramref name="word"/> as a part (or joined parts): one term lookup per segment.</summary>
    public static bool IsNameTerm(IndexReader index, string word) => index.DocFreq(new Term(IndexFields.NameText, word)) > 0;

    /// <summary>Edits tolerated: none below 4 letters, one up to 7, two from 8.</summary>
    public static int Typos(string word) => word.Length switch
    {
        < 4 => 0,
        < 8 => 1,
        _ => 2,
    };

    /// <summary>
    /// A typo-tolerant match scored by closeness only (not by term statistics or field length), so a near miss of
    /// a name scores the same on every repository that has it. The first letter must match, which keeps it fast.
    /// </summary>
    private static FuzzyQuery Fuzzy(string field, string term, int edits) =>
        new(new Term(field, term), edits, prefixLength: 1) { MultiTermRewriteMethod = new MultiTermQuery.TopTermsBoostOnlyBooleanQueryRewrite(50) };

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }
}
