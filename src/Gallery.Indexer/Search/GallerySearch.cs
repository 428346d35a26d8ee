using System.Diagnostics;
using Gallery.Indexer.Documents;
using Gallery.Indexer.Indexing;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Gallery.Indexer.Search;

/// <summary>Answers searches from the index: text → query, filters, facets in the same pass, sort, page, highlights.</summary>
public sealed class GallerySearch(ISearcherSource searchers) : IGallerySearch
{
    public SearchResult Search(SearchRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        var pageSize = Math.Clamp(request.PageSize, 1, SearchRequest.MaxPageSize);
        var page = Math.Clamp(request.Page, 1, SearchRequest.MaxResultWindow / pageSize);
        using var lease = searchers.Acquire();
        if (lease is null)
        {
            return SearchResult.Empty(page, pageSize);
        }

        var searcher = lease.Searcher;
        var text = QueryText.Parse(request.Text);
        var architectures = new FacetDimension(IndexFields.Architecture, request.Architectures.Select(v => PlatformNames.Architecture(v) ?? v).ToList());
        var systems = new FacetDimension(IndexFields.OperatingSystem, request.OperatingSystems.Select(v => PlatformNames.OperatingSystem(v) ?? v).ToList());
        int total;
        IEnumerable<ScoreDoc> pageHits;
        if (text.IsEmpty && string.IsNullOrWhiteSpace(request.Publisher) && request.Sort is SearchSort.Relevance or SearchSort.Popularity
            && CanBrowse(searcher))
        {
            // Everything by pulls: read from per-segment arrays rather than scored and sorted document by document.
            var (count, top) = Browse.Run(searcher, page * pageSize, request.Verified, architectures, systems);
            total = count;
            pageHits = top.Skip((page - 1) * pageSize);
        }
        else
        {
            var top = TopFieldCollector.Create(SortFor(request.Sort), page * pageSize, fillFields: false, trackDocScores: true,
                trackMaxScore: false, docsScoredInOrder: false);
            var collector = new FacetingCollector(top, architectures, systems);
            searcher.Search(Filtered(SearchQuery.Build(text, searcher.IndexReader), request), collector);
            collector.Finish();
            total = collector.TotalHits;
            pageHits = top.GetTopDocs((page - 1) * pageSize, pageSize).ScoreDocs;
        }

        var highlighter = new SnippetHighlighter(text);
        var hits = new List<SearchHit>(pageSize);
        foreach (var hit in pageHits)
        {
            hits.Add(ToHit(searcher, hit, highlighter));
        }

        var facets = new SearchFacets(Counts(PlatformNames.Architectures, architectures), Counts(PlatformNames.OperatingSystems, systems));
        return new SearchResult(total, page, pageSize, hits, facets, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Whether every segment's facets fit in masks (a handful of values each), as <see cref="Browse"/> needs.</summary>
    private static bool CanBrowse(IndexSearcher searcher)
    {
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var facts = SegmentFacts.For(leaf.AtomicReader);
            if (facts.Architectures.Masks is null || facts.OperatingSystems.Masks is null)
            {
                return false;
            }
        }

        return true;
    }

    private static Query Filtered(Query query, SearchRequest request)
    {
        if (request.Publisher is null && request.Verified is null)
        {
            return query;
        }

        var filtered = new BooleanQuery { { query, Occur.MUST } };
        if (!string.IsNullOrWhiteSpace(request.Publisher))
        {
            filtered.Add(new ConstantScoreQuery(new TermQuery(new Term(IndexFields.Alias, request.Publisher.Trim().ToLowerInvariant()))) { Boost = 0 }, Occur.MUST);
        }

        if (request.Verified is { } verified)
        {
            filtered.Add(new ConstantScoreQuery(new TermQuery(new Term(IndexFields.Verified, verified ? "true" : "false"))) { Boost = 0 }, Occur.MUST);
        }

        return filtered;
    }

    private static Sort SortFor(SearchSort sort)
    {
        var pulls = new SortField(IndexFields.Pulls, SortFieldType.INT64, reverse: true);
        var name = new SortField(IndexFields.SortName, SortFieldType.STRING);
        return sort switch
        {
            SearchSort.Popularity => new Sort(pulls, SortField.FIELD_SCORE, name),
            SearchSort.LastPushed => new Sort(new SortField(IndexFields.LastPushed, SortFieldType.INT64, reverse: true), name),
            SearchSort.Name => new Sort(name),
            _ => new Sort(SortField.FIELD_SCORE, pulls, name),
        };
    }

    private static SearchHit ToHit(IndexSearcher searcher, ScoreDoc hit, SnippetHighlighter highlighter)
    {
        var document = searcher.Doc(hit.Doc);
        var fullName = document.Get(IndexFields.Id);
        var description = document.Get(IndexFields.Description);
        return new SearchHit(
            fullName,
            document.Get(IndexFields.Alias),
            document.Get(IndexFields.Name),
            document.Get(IndexFields.PublisherDisplayName),
            document.Get(IndexFields.Verified) == "true",
            description,
            document.GetValues(IndexFields.Architecture),
            document.GetValues(IndexFields.OperatingSystem),
            document.Get(IndexFields.LogoDigest),
            Pulls(searcher, hit.Doc),
            Ticks(document, IndexFields.LastPushed) is > 0 and var pushed ? new DateTime(pushed, DateTimeKind.Utc) : null,
            new DateTime(Ticks(document, IndexFields.Created), DateTimeKind.Utc),
            float.IsNaN(hit.Score) ? 0 : hit.Score,
            new SearchHighlights(highlighter.Highlight(fullName), description is null ? null : highlighter.Highlight(description, SnippetHighlighter.SnippetLength)));
    }

    private static long Ticks(Document document, string field) => document.GetField(field)?.GetInt64Value() ?? 0;

    /// <summary>Pull counts live in doc values only (updated in place), so they are read from the hit's segment.</summary>
    private static long Pulls(IndexSearcher searcher, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        return leaf.AtomicReader.GetNumericDocValues(IndexFields.Pulls)?.Get(doc - leaf.DocBase) ?? 0;
    }

    private static List<FacetCount> Counts(IReadOnlyList<string> names, FacetDimension dimension) =>
        names.Select(n => new FacetCount(n, dimension.Counts.GetValueOrDefault(n))).ToList();
}
