using System.Diagnostics;
using Gallery.Indexer.Diagnostics;
using Gallery.Indexer.Documents;
using Gallery.Indexer.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gallery.Indexer.Search;

/// <summary>Answers searches from the index: text → query, filters, facets in the same pass, sort, page, highlights.</summary>
public sealed class GallerySearch(ISearcherSource searchers, IndexMetrics? metrics = null) : IGallerySearch
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
        var types = new FacetDimension(IndexFields.Type, request.Types);
        var signed = new FacetDimension(IndexFields.Signed, Flag(request.Signed));
        var sboms = new FacetDimension(IndexFields.Sbom, Flag(request.Sbom));
        FacetDimension[] dimensions = [architectures, systems, types, signed, sboms];
        int total;
        IEnumerable<ScoreDoc> pageHits;
        if (text.IsEmpty && string.IsNullOrWhiteSpace(request.Publisher) && request.Package is null && request.Sort is SearchSort.Relevance or SearchSort.Popularity
            && CanBrowse(searcher))
        {
            // Everything by pulls: read from per-segment arrays rather than scored and sorted document by document.
            var (count, top) = Browse.Run(searcher, page * pageSize, request.Verified, dimensions);
            total = count;
            pageHits = top.Skip((page - 1) * pageSize);
        }
        else
        {
            var top = TopFieldCollector.Create(SortFor(request.Sort), page * pageSize, fillFields: false, trackDocScores: true,
                trackMaxScore: false, docsScoredInOrder: false);
            var collector = new FacetingCollector(top, dimensions);
            searcher.Search(Filtered(SearchQuery.Build(text, searcher.IndexReader), request), collector);
            collector.Finish();
            total = collector.TotalHits;
            pageHits = top.GetTopDocs((page - 1) * pageSize, pageSize).ScoreDocs;
        }

        var highlighter = new SnippetHighlighter(text);
        var hits = ToHits(searcher, pageHits, highlighter, request.Package);
        var marks = hits.SelectMany(h => highlighter.MatchedWords(h.FullName).Concat(h.Description is null ? [] : highlighter.MatchedWords(h.Description)))
            .Distinct().Order(StringComparer.Ordinal).ToList();

        var facets = new SearchFacets(Counts(PlatformNames.Architectures, architectures), Counts(PlatformNames.OperatingSystems, systems))
        {
            Types = Counts(Registry.Core.Oci.ArtifactKinds.Names, types),
            Signed = Counts(Flags, signed),
            Sbom = Counts(Flags, sboms),
        };
        var didYouMean = total < DidYouMean.FewHits && text.Words.Count > 0 ? DidYouMean.For(text, searcher.IndexReader) : null;
        var took = Stopwatch.GetElapsedTime(started);
        metrics?.SearchTook(took);
        return new SearchResult(total, page, pageSize, hits, facets, took.TotalMilliseconds) { DidYouMean = didYouMean, Marks = marks.Count > 0 ? marks : null };
    }

    /// <summary>Whether every segment's facets fit in masks (a handful of values each), as <see cref="Browse"/> needs.</summary>
    private static bool CanBrowse(IndexSearcher searcher)
    {
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            if (SegmentFacts.For(leaf.AtomicReader).Columns.Any(c => c.Masks is null))
            {
                return false;
            }
        }

        return true;
    }

    private static Query Filtered(Query query, SearchRequest request)
    {
        if (request.Publisher is null && request.Verified is null && request.Package is null)
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

        if (request.Package is { } package)
        {
            Query term = package.VersionPrefix is null
                ? new TermQuery(new Term(IndexFields.Package, package.Term))
                : new PrefixQuery(new Term(IndexFields.Package, package.Term));
            filtered.Add(new ConstantScoreQuery(term) { Boost = 0 }, Occur.MUST);
        }

        return filtered;
    }

    private static readonly IReadOnlyList<string> Flags = ["true", "false"];

    private static IReadOnlyList<string> Flag(bool? value) => value is { } v ? [v ? "true" : "false"] : [];

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

    /// <summary>Reads the page's hits segment by segment (doc values, see <see cref="HitDisplay"/>) and highlights them.</summary>
    private static List<SearchHit> ToHits(IndexSearcher searcher, IEnumerable<ScoreDoc> page, SnippetHighlighter highlighter, PackageFilter? package)
    {
        var leaves = searcher.IndexReader.Leaves;
        var scratch = new BytesRef();
        var hits = new List<SearchHit>();
        foreach (var hit in page)
        {
            var leaf = leaves[ReaderUtil.SubIndex(hit.Doc, leaves)];
            var reader = leaf.AtomicReader;
            var doc = hit.Doc - leaf.DocBase;
            var shown = HitDisplay.Read(reader, reader.GetBinaryDocValues(IndexFields.Hit), doc, scratch);
            var description = shown.Description is null ? null : SearchHighlights.IfMarked(highlighter.Highlight(shown.Description, SnippetHighlighter.SnippetLength));
            hits.Add(new SearchHit(
                shown.FullName,
                shown.Alias,
                shown.Name,
                shown.PublisherDisplayName,
                shown.Verified,
                shown.Description,
                shown.Architectures,
                shown.OperatingSystems,
                shown.LogoDigest,
                SegmentFacts.For(reader).Pulls[doc],
                shown.LastPushedTicks > 0 ? new DateTime(shown.LastPushedTicks, DateTimeKind.Utc) : null,
                new DateTime(shown.CreatedTicks, DateTimeKind.Utc),
                float.IsNaN(hit.Score) ? 0 : hit.Score,
                new SearchHighlights(SearchHighlights.IfMarked(highlighter.Highlight(shown.FullName)), description))
            {
                Type = shown.Type == "image" ? null : shown.Type,
                Signed = shown.Signed ? true : null,
                Sbom = shown.HasSbom ? true : null,
                Packages = package is null ? null : PackagesOf(reader, doc, package),
            });
        }

        return hits;
    }

    /// <summary>Which versions of the package a hit's tags ship: from the stored map, read for the page's hits only.</summary>
    private static List<PackageMatch> PackagesOf(AtomicReader reader, int doc, PackageFilter package)
    {
        var stored = reader.Document(doc, new HashSet<string> { IndexFields.PackageMap }).GetBinaryValue(IndexFields.PackageMap);
        var map = PackageMap.Decode(stored is null ? null : stored.Bytes[stored.Offset..(stored.Offset + stored.Length)]);
        return map.Matching(package).Take(PackageMap.MaxTagsPerEntry).Select(e => new PackageMatch(e.Name, e.Version, e.Tags)).ToList();
    }

    /// <summary>The gallery's values that some match has (a page shows no chip for none), in the gallery's order.</summary>
    private static List<FacetCount> Counts(IReadOnlyList<string> names, FacetDimension dimension) =>
        names.Select(n => new FacetCount(n, dimension.Counts.GetValueOrDefault(n))).Where(c => c.Count > 0).ToList();
}
