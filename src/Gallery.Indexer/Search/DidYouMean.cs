using Gallery.Indexer.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gallery.Indexer.Search;

/// <summary>
/// "Did you mean …": the text with each word that nothing has (no name part, no prose term) replaced by the closest
/// name part within its typos (<see cref="SearchQuery.Typos"/>), the most common of equally close ones. Null when no
/// word needs or has a correction.
/// </summary>
public static class DidYouMean
{
    /// <summary>A search finding fewer than this many repositories may have been a typo.</summary>
    public const int FewHits = 3;

    public static string? For(QueryText text, IndexReader index)
    {
        var changed = false;
        var words = new List<string>(text.Words.Count);
        foreach (var word in text.Words)
        {
            var correction = IsKnown(index, word) ? null : Closest(index, word);
            changed |= correction is not null;
            words.Add(correction ?? word);
        }

        return changed ? string.Join(' ', words) : null;
    }

    private static bool IsKnown(IndexReader index, string word) =>
        SearchQuery.IsNameTerm(index, word)
        || QueryText.Analyze(GalleryAnalyzers.Text, IndexFields.Description, word).Any(t => index.DocFreq(new Term(IndexFields.Description, t)) > 0);

    private static string? Closest(IndexReader index, string word)
    {
        var edits = SearchQuery.Typos(word);
        var terms = MultiFields.GetTerms(index, IndexFields.NameText);
        if (edits == 0 || terms is null)
        {
            return null;
        }

        var candidates = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(IndexFields.NameText, word), edits, 1, true);
        (string Term, int Distance, int DocFreq)? best = null;
        while (candidates.MoveNext())
        {
            var term = candidates.Term.Utf8ToString();
            var distance = EditDistance.Between(word, term);
            var docFreq = candidates.DocFreq;
            if (best is not { } b || distance < b.Distance || (distance == b.Distance && docFreq > b.DocFreq))
            {
                best = (term, distance, docFreq);
            }
        }

        return best?.Term;
    }
}
