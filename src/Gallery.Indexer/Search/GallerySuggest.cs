using Gallery.Indexer.Documents;
using Gallery.Indexer.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gallery.Indexer.Search;

/// <summary>
/// Suggestions from the index: publishers whose alias starts with the text (most repositories first), then the
/// repositories the names-only query ranks first (<see cref="TopNames"/>). No facets, no totals.
/// </summary>
public sealed class GallerySuggest(ISearcherSource searchers) : IGallerySuggest
{
    public Suggestions Suggest(string text)
    {
        var query = QueryText.Parse(text);
        using var lease = searchers.Acquire();
        if (lease is null || query.Words.Count == 0)
        {
            return Suggestions.None;
        }

        var searcher = lease.Searcher;
        var publishers = Publishers(searcher, query.Whole.Trim());
        var top = TopNames.Search(searcher, query, Suggestions.Max - publishers.Count);
        var repositories = new List<RepositorySuggestion>(top.ScoreDocs.Length);
        var scratch = new BytesRef();
        foreach (var hit in top.ScoreDocs)
        {
            var shown = Read(searcher, hit.Doc, scratch);
            repositories.Add(new RepositorySuggestion(shown.FullName, shown.Description, shown.Verified));
        }

        return new Suggestions(repositories, publishers);
    }

    private static List<PublisherSuggestion> Publishers(IndexSearcher searcher, string prefix)
    {
        var found = new List<PublisherSuggestion>();
        if (prefix.Length < 2)
        {
            return found;
        }

        var aliases = PrefixTerms.Frequencies(searcher.IndexReader, IndexFields.Alias, prefix)
            .Select(a => (Alias: a.Key, Count: a.Value))
            .OrderByDescending(a => a.Count).ThenBy(a => a.Alias.Length).ThenBy(a => a.Alias, StringComparer.Ordinal)
            .Take(Suggestions.MaxPublishers);
        var scratch = new BytesRef();
        foreach (var (alias, count) in aliases)
        {
            var first = searcher.Search(new TermQuery(new Term(IndexFields.Alias, alias)), 1).ScoreDocs;
            if (first.Length == 1)
            {
                var shown = Read(searcher, first[0].Doc, scratch);
                found.Add(new PublisherSuggestion(alias, shown.PublisherDisplayName, shown.Verified, count));
            }
        }

        return found;
    }

    private static HitDisplay Read(IndexSearcher searcher, int doc, BytesRef scratch)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var reader = leaf.AtomicReader;
        return HitDisplay.Read(reader, reader.GetBinaryDocValues(IndexFields.Hit), doc - leaf.DocBase, scratch);
    }
}
