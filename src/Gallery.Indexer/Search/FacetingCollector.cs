using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gallery.Indexer.Search;

/// <summary>
/// Applies the architecture and operating-system filters and counts both facets in the same pass over the
/// matches: a document counts towards one dimension's values when it passes the other dimension's filter, and is
/// collected as a hit when it passes both. Counts are kept per segment by ordinal and named once per segment.
/// </summary>
internal sealed class FacetingCollector(ICollector hits, FacetDimension first, FacetDimension second) : ICollector
{
    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => hits.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        first.NextSegment(context.AtomicReader);
        second.NextSegment(context.AtomicReader);
        hits.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        var passesFirst = first.Read(doc);
        var passesSecond = second.Read(doc);
        if (passesSecond)
        {
            first.CountRead();
        }

        if (passesFirst)
        {
            second.CountRead();
        }

        if (passesFirst && passesSecond)
        {
            TotalHits++;
            hits.Collect(doc);
        }
    }

    /// <summary>Names the last segment's counts; call once after the search.</summary>
    public void Finish()
    {
        first.NextSegment(null);
        second.NextSegment(null);
    }
}

/// <summary>One faceted, filterable field (sorted-set doc values): the values selected, and counts per value.</summary>
internal sealed class FacetDimension(string field, IReadOnlyCollection<string> selected)
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly long[] _read = new long[16];
    private int _readCount;
    private SortedSetDocValues? _values;
    private HashSet<long> _selectedOrds = [];
    private int[] _segmentCounts = [];

    public IReadOnlyDictionary<string, int> Counts => _counts;

    public void NextSegment(AtomicReader? reader)
    {
        if (_values is { } previous)
        {
            var term = new BytesRef();
            for (var ord = 0; ord < _segmentCounts.Length; ord++)
            {
                if (_segmentCounts[ord] > 0)
                {
                    previous.LookupOrd(ord, term);
                    var name = term.Utf8ToString();
                    _counts[name] = _counts.GetValueOrDefault(name) + _segmentCounts[ord];
                }
            }
        }

        _values = reader?.GetSortedSetDocValues(field);
        _segmentCounts = _values is null ? [] : new int[_values.ValueCount];
        _selectedOrds = _values is null
            ? []
            : selected.Select(v => _values.LookupTerm(new BytesRef(v))).Where(ord => ord >= 0).ToHashSet();
    }

    /// <summary>Reads the document's values; true when it passes this dimension's filter.</summary>
    public bool Read(int doc)
    {
        _readCount = 0;
        if (_values is null)
        {
            return selected.Count == 0;
        }

        _values.SetDocument(doc);
        var passes = selected.Count == 0;
        long ord;
        while ((ord = _values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
        {
            if (_readCount < _read.Length)
            {
                _read[_readCount++] = ord;
            }

            passes |= _selectedOrds.Contains(ord);
        }

        return passes;
    }

    public void CountRead()
    {
        for (var i = 0; i < _readCount; i++)
        {
            _segmentCounts[_read[i]]++;
        }
    }
}
