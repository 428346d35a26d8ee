using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gallery.Indexer.Search;

/// <summary>
/// Applies the facet filters (architecture, operating system, type...) and counts every facet in the same pass over
/// the matches: a document counts towards one dimension's values when it passes every other dimension's filter, and
/// is collected as a hit when it passes all of them. Counts are kept per segment by ordinal and named once per segment.
/// </summary>
internal sealed class FacetingCollector(ICollector hits, params FacetDimension[] dimensions) : ICollector
{
    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => hits.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        foreach (var dimension in dimensions)
        {
            dimension.NextSegment(context.AtomicReader);
        }

        hits.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        var failures = 0;
        var failed = 0;
        for (var i = 0; i < dimensions.Length; i++)
        {
            if (!dimensions[i].Read(doc))
            {
                failures++;
                failed = i;
            }
        }

        if (failures == 1)
        {
            dimensions[failed].CountRead();
        }
        else if (failures == 0)
        {
            foreach (var dimension in dimensions)
            {
                dimension.CountRead();
            }

            TotalHits++;
            hits.Collect(doc);
        }
    }

    /// <summary>Names the last segment's counts; call once after the search.</summary>
    public void Finish()
    {
        foreach (var dimension in dimensions)
        {
            dimension.NextSegment(null);
        }
    }
}

/// <summary>
/// One faceted, filterable field: the values selected, and counts per value. Reads each document's values from the
/// segment's <see cref="FacetColumn"/> (a bit mask per document), or from the sorted-set doc values when a segment
/// has too many values for a mask.
/// </summary>
internal sealed class FacetDimension(string field, IReadOnlyCollection<string> selected)
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly bool _filters = selected.Count > 0;
    private readonly int[] _maskCounts = new int[64];

    // The current segment, as masks: each document's bits, the selected bits, the bits read last.
    private ulong[]? _masks;
    private string[] _names = [];
    private ulong _selectedMask;
    private ulong _readMask;

    // The current segment, read from doc values (more than 64 values).
    private readonly long[] _read = new long[16];
    private int _readCount;
    private SortedSetDocValues? _values;
    private HashSet<long> _selectedOrds = [];
    private int[] _segmentCounts = [];

    public IReadOnlyDictionary<string, int> Counts => _counts;

    public void NextSegment(AtomicReader? reader) => NextSegment(reader, reader is null ? null : Column(SegmentFacts.For(reader)));

    public void NextSegment(AtomicReader? reader, FacetColumn? column)
    {
        NameCounts();
        _masks = null;
        _values = null;
        if (reader is null || column is null)
        {
            return;
        }

        if (column.Masks is { } masks)
        {
            _masks = masks;
            _names = column.Names;
            _selectedMask = _filters ? column.MaskOf(selected) : 0;
            return;
        }

        _values = reader.GetSortedSetDocValues(field);
        _segmentCounts = _values is null ? [] : new int[_values.ValueCount];
        _selectedOrds = _values is null
            ? []
            : selected.Select(v => _values.LookupTerm(new BytesRef(v))).Where(ord => ord >= 0).ToHashSet();
    }

    /// <summary>Reads the document's values; true when it passes this dimension's filter.</summary>
    public bool Read(int doc)
    {
        if (_masks is { } masks)
        {
            _readMask = masks[doc];
            return !_filters || (_readMask & _selectedMask) != 0;
        }

        _readCount = 0;
        if (_values is null)
        {
            return !_filters;
        }

        _values.SetDocument(doc);
        var passes = !_filters;
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
        if (_masks is not null)
        {
            CountMask(_readMask);
            return;
        }

        for (var i = 0; i < _readCount; i++)
        {
            _segmentCounts[_read[i]]++;
        }
    }

    /// <summary>Counts a document's values given as the current segment's mask.</summary>
    public void CountMask(ulong mask)
    {
        while (mask != 0)
        {
            _maskCounts[BitOperations.TrailingZeroCount(mask)]++;
            mask &= mask - 1;
        }
    }

    /// <summary>Whether a mask of the current segment passes this dimension's filter.</summary>
    public bool Passes(ulong mask) => !_filters || (mask & _selectedMask) != 0;

    private FacetColumn Column(SegmentFacts facts) => facts.Column(field);

    /// <summary>The segment's column of this dimension's field (for <see cref="Browse"/>).</summary>
    public FacetColumn Column(AtomicReader reader) => SegmentFacts.For(reader).Column(field);

    /// <summary>Adds the finished segment's counts to the totals, by name.</summary>
    private void NameCounts()
    {
        if (_masks is not null)
        {
            for (var bit = 0; bit < _names.Length; bit++)
            {
                if (_maskCounts[bit] > 0)
                {
                    _counts[_names[bit]] = _counts.GetValueOrDefault(_names[bit]) + _maskCounts[bit];
                    _maskCounts[bit] = 0;
                }
            }
        }
        else if (_values is { } previous)
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
    }
}
