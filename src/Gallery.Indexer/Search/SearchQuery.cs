using Gallery.Indexer.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Gallery.Indexer.Search;

/// <summary>
/// Builds the Lucene query for some text, without a query parser. Scores add up as written
/// (<see cref="GallerySimilarity"/>) and fall in tiers: the text equal to a repository's full name, then to its whole
/// name (or its words joined as one, <c>aws cli</c> → aws-cli), then to the last part of its name — each tier above
/// anything words alone can score, so mirrors and copies follow the original, and within a tier the verified and
/// popular (<see cref="PopularityBoostQuery"/>) and the publisher's namesake come first. Below the tiers every word must
/// match some field (any word, when the text says OR; a dotted chunk may match as one prose term instead); excluded
/// words rule a repository out by its name, publisher or description. Per word the best field counts: the name's
/// parts, the publisher, the description, tags, then About and Usage, each also with typos tolerated for words of 4+
/// letters; the last word (every word, as alternatives) also as a prefix of all of them (<see cref="NamePrefixQuery"/> for names).
/// </summary>
public static class SearchQuery
{
    /// <summary>Scores of the tiers: the text equal to a full name, a whole name, a name's last part; a namesake's lift.</summary>
    public const float FullNameTier = 10_000, WholeNameTier = 3_000, JoinedNameTier = 2_500, LastPartTier = 1_000, OriginalLift = 1_500;

    /// <summary>
    /// The query for <paramref name="text"/>. Given the <paramref name="index"/> it will run on, a word that is itself a
    /// term of some name is taken as typed (its typo expansion, a walk of the name dictionary, is skipped), and the
    /// last word's name prefixes are read from the name dictionaries.
    /// </summary>
    public static Query Build(QueryText text, IndexReader? index = null) => Build(text, index, namesOnly: false, given: null);

    /// <summary>The query as-you-type suggestions run: names only (no prose, no typo expansion), in the same tiers.</summary>
    public static Query BuildNames(QueryText text, IndexReader? index) => Build(text, index, namesOnly: true, given: null);

    /// <summary>The names-only query with the last word's candidate names already read (<see cref="NamePrefix"/>).</summary>
    public static Query BuildNames(QueryText text, IndexReader index, NamePrefix prefix) => Build(text, index, namesOnly: true, given: new(prefix, NameWord: true));

    /// <summary>
    /// The names-only query less a word's matches in name parts: as a name part (<see cref="NameWordBoost"/>) or as a
    /// prefix of one (<paramref name="prefix"/>'s candidates). What is left (whole names, tags) matches few repositories.
    /// </summary>
    public static Query BuildNamesBesidesParts(QueryText text, IndexReader index, NamePrefix prefix) =>
        Build(text, index, namesOnly: true, given: new(prefix.WithoutCandidates(), NameWord: false));

    /// <summary>A word's score as a name part, times the part's length norm; how a word's matches in several fields combine.</summary>
    public const float NameWordBoost = 10, WordTieBreaker = 0.1f;

    /// <summary>The part of a word read as a typed prefix: its first 20 letters.</summary>
    public static string TypedPrefix(string word) => word.Length > 20 ? word[..20] : word;

    private static Query Build(QueryText text, IndexReader? index, bool namesOnly, GivenNames? given)
    {
        if (text.IsEmpty)
        {
            return new MatchAllDocsQuery();
        }

        var query = new BooleanQuery(disableCoord: true)
        {
            { text.Words.Count == 0 ? new MatchAllDocsQuery() : Match(text, index, namesOnly, given), Occur.MUST },
        };
        foreach (var word in text.Excluded)
        {
            query.Add(Shown(word), Occur.MUST_NOT);
        }

        return new PopularityBoostQuery(query);
    }

    /// <summary>A repository matches when every word does (any word, for a text with OR), or when the text names it as a whole.</summary>
    private static BooleanQuery Match(QueryText text, IndexReader? index, bool namesOnly, GivenNames? given)
    {
        var match = new BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = 1 };
        var words = new BooleanQuery(disableCoord: true);
        var required = text.Words.Where(w => !QueryText.IsStopWord(w)).ToList();
        if (required.Count == 0)
        {
            required = [.. text.Words];
        }

        var position = 0;
        foreach (var chunk in text.Chunks)
        {
            var chunkWords = new BooleanQuery(disableCoord: true);
            foreach (var word in chunk.Words)
            {
                var typos = namesOnly || (index is not null && IsNameTerm(index, word)) ? 0 : Typos(word);
                chunkWords.Add(Word(word, isLast: ++position == text.Words.Count || text.AnyWord, typos, index, namesOnly, given), required.Contains(word) && !text.AnyWord ? Occur.MUST : Occur.SHOULD);
            }

            if (chunk.Compound is { } compound && !namesOnly)
            {
                // node.js: its words, or the one term prose makes of it.
                var either = new BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = 1 };
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
        foreach (var tier in Tiers(text))
        {
            match.Add(tier, Occur.SHOULD);
        }

        return match;
    }

    /// <summary>The text as a whole name: as typed, and its words joined (<c>aws cli</c> → awscli, aws-cli).</summary>
    private static IEnumerable<Query> Tiers(QueryText text)
    {
        var joined = new List<string> { string.Concat(text.Words) };
        if (text.Words.Count > 1)
        {
            joined.Add(string.Join('-', text.Words));
        }

        joined.Remove(text.Whole);
        yield return Exact(IndexFields.FullNameKey, text.Whole, FullNameTier);
        yield return Exact(IndexFields.NameKey, text.Whole, WholeNameTier);
        yield return Exact(IndexFields.LastPartKey, text.Whole, LastPartTier);
        yield return Exact(IndexFields.OriginalKey, text.Whole, OriginalLift);
        foreach (var name in joined)
        {
            yield return Exact(IndexFields.NameKey, name, JoinedNameTier);
            yield return Exact(IndexFields.LastPartKey, name, LastPartTier);
            yield return Exact(IndexFields.OriginalKey, name, OriginalLift);
        }
    }

    /// <summary>A constant score for a repository holding the term (scored as a constant-score term query would, with pooled enumerators).</summary>
    private static Query Exact(string field, string value, float score) => new NameTermsQuery(field, [(value, score)]);

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

    private static Query Word(string word, bool isLast, int typos, IndexReader? index, bool namesOnly, GivenNames? given)
    {
        var best = new DisjunctionMaxQuery(WordTieBreaker);
        if (given is not { NameWord: false })
        {
            best.Add(Boosted(new TermQuery(new Term(IndexFields.NameText, word)), NameWordBoost));
        }

        best.Add(Boosted(new TermQuery(new Term(IndexFields.TagText, word)), 1.5f));

        if (isLast && word.Length >= 2)
        {
            var typed = TypedPrefix(word);
            best.Add(given is not null && given.Prefix.Prefix == typed ? NamePrefixQuery.Build(given.Prefix) : NamePrefixQuery.Build(typed, index));
        }

        if (typos > 0)
        {
            best.Add(Boosted(Fuzzy(IndexFields.NameText, word, typos), 4));
        }

        if (namesOnly)
        {
            return best;
        }

        foreach (var term in QueryText.Analyze(GalleryAnalyzers.Text, IndexFields.Description, word))
        {
            best.Add(Boosted(new TermQuery(new Term(IndexFields.PublisherText, term)), 4));
            best.Add(Boosted(new TermQuery(new Term(IndexFields.Description, term)), 3));
            best.Add(Boosted(new TermQuery(new Term(IndexFields.About, term)), 1.5f));
            best.Add(Boosted(new TermQuery(new Term(IndexFields.Usage, term)), 1));
        }

        // A package some current tag ships (zlib, openssl): found, but below every field a person wrote.
        best.Add(Boosted(new TermQuery(new Term(IndexFields.Package, word)), 0.5f));

        if (isLast && word.Length >= 3)
        {
            // The word as typed so far, in prose: the publisher and description from 3 letters, About and Usage from 4.
            best.Add(ProsePrefix(IndexFields.PublisherText, word, 1.5f));
            best.Add(ProsePrefix(IndexFields.Description, word, 1));
            if (word.Length >= 4)
            {
                best.Add(ProsePrefix(IndexFields.About, word, 0.5f));
                best.Add(ProsePrefix(IndexFields.Usage, word, 0.3f));
            }
        }

        return best;
    }

    /// <summary>For suggestions: the last word's candidate names already read, and whether its matches as a name part count.</summary>
    private sealed record GivenNames(NamePrefix Prefix, bool NameWord);

    private static ConstantScoreQuery ProsePrefix(string field, string prefix, float score) =>
        new(new PrefixQuery(new Term(field, prefix))) { Boost = score };

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
