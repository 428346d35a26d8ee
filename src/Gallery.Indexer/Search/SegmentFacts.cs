using System.Runtime.CompilerServices;
using Gallery.Indexer.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Gallery.Indexer.Search;

/// <summary>
/// What searches read for every matching document, as plain arrays per segment reader: the architectures,
/// operating systems, type, signed and SBOM of each document as a bit mask of the segment's ordinals, whether it is verified, its pulls and
/// the ordinal of its sort name, and its popularity factor. Built once per <see cref="AtomicReader"/> instance (a segment whose pulls or
/// deletions change gets a new instance on refresh, so nothing goes stale) and warmed when a searcher is opened.
/// </summary>
internal sealed class SegmentFacts
{
    private static readonly ConditionalWeakTable<AtomicReader, SegmentFacts> Cache = new();

    private SegmentFacts(AtomicReader reader)
    {
        MaxDoc = reader.MaxDoc;
        LiveDocs = reader.LiveDocs;
        Architectures = FacetColumn.Read(reader, IndexFields.Architecture);
        OperatingSystems = FacetColumn.Read(reader, IndexFields.OperatingSystem);
        Types = FacetColumn.Read(reader, IndexFields.Type);
        Signed = FacetColumn.Read(reader, IndexFields.Signed);
        Sboms = FacetColumn.Read(reader, IndexFields.Sbom);
        Pulls = new long[MaxDoc];
        if (reader.GetNumericDocValues(IndexFields.Pulls) is { } pulls)
        {
            for (var doc = 0; doc < MaxDoc; doc++)
            {
                Pulls[doc] = pulls.Get(doc);
            }
        }

        SortNames = reader.GetSortedDocValues(IndexFields.SortName);
        SortOrds = new int[MaxDoc];
        if (SortNames is not null)
        {
            for (var doc = 0; doc < MaxDoc; doc++)
            {
                SortOrds[doc] = SortNames.GetOrd(doc);
            }
        }

        Verified = new FixedBitSet(MaxDoc);
        var verified = reader.GetTermDocsEnum(new Term(IndexFields.Verified, "true"));
        if (verified is not null)
        {
            int doc;
            while ((doc = verified.NextDoc()) != Lucene.Net.Search.DocIdSetIterator.NO_MORE_DOCS)
            {
                Verified.Set(doc);
            }
        }

        Factors = new float[MaxDoc];
        for (var doc = 0; doc < MaxDoc; doc++)
        {
            Factors[doc] = PopularityBoostQuery.Factor(Pulls[doc], Verified.Get(doc));
        }
    }

    public int MaxDoc { get; }

    public IBits? LiveDocs { get; }

    public FacetColumn Architectures { get; }

    public FacetColumn OperatingSystems { get; }

    public FacetColumn Types { get; }

    public FacetColumn Signed { get; }

    public FacetColumn Sboms { get; }

    /// <summary>Every faceted field's column, for what searches and listings do to all of them alike.</summary>
    public IEnumerable<FacetColumn> Columns => [Architectures, OperatingSystems, Types, Signed, Sboms];

    public FacetColumn Column(string field) =>
        field == IndexFields.Architecture ? Architectures
        : field == IndexFields.OperatingSystem ? OperatingSystems
        : field == IndexFields.Type ? Types
        : field == IndexFields.Signed ? Signed
        : field == IndexFields.Sbom ? Sboms
        : throw new InvalidOperationException($"{field} is not a facet");

    public long[] Pulls { get; }

    public int[] SortOrds { get; }

    public SortedDocValues? SortNames { get; }

    public FixedBitSet Verified { get; }

    /// <summary>Each document's popularity and trust factor (<see cref="PopularityBoostQuery.Factor"/>).</summary>
    public float[] Factors { get; }

    public static SegmentFacts For(AtomicReader reader) => Cache.GetValue(reader, r => new SegmentFacts(r));

    /// <summary>Builds the facts of every segment of a newly opened reader, so the first search after a refresh does not pay for it.</summary>
    public static void Warm(IndexReader reader)
    {
        foreach (var leaf in reader.Leaves)
        {
            For(leaf.AtomicReader);
        }
    }
}

/// <summary>
/// One faceted field of one segment: per document, the bit mask of its values' ordinals (a segment has a handful:
/// the gallery's platform names), and the value of each bit. <see cref="Masks"/> is null when the segment has more
/// than 64 values, and callers fall back to reading doc values.
/// </summary>
internal sealed class FacetColumn
{
    private FacetColumn(string[] names, ulong[]? masks)
    {
        Names = names;
        Masks = masks;
    }

    public string[] Names { get; }

    public ulong[]? Masks { get; }

    public static FacetColumn Read(AtomicReader reader, string field)
    {
        var values = reader.GetSortedSetDocValues(field);
        if (values is null)
        {
            return new FacetColumn([], new ulong[reader.MaxDoc]);
        }

        if (values.ValueCount > 64)
        {
            return new FacetColumn([], null);
        }

        var names = new string[values.ValueCount];
        var term = new BytesRef();
        for (var ord = 0; ord < names.Length; ord++)
        {
            values.LookupOrd(ord, term);
            names[ord] = term.Utf8ToString();
        }

        var masks = new ulong[reader.MaxDoc];
        for (var doc = 0; doc < masks.Length; doc++)
        {
            values.SetDocument(doc);
            ulong mask = 0;
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                mask |= 1UL << (int)ord;
            }

            masks[doc] = mask;
        }

        return new FacetColumn(names, masks);
    }

    /// <summary>The bits of the selected values present in this segment.</summary>
    public ulong MaskOf(IReadOnlyCollection<string> selected)
    {
        ulong mask = 0;
        for (var bit = 0; bit < Names.Length; bit++)
        {
            if (selected.Contains(Names[bit]))
            {
                mask |= 1UL << bit;
            }
        }

        return mask;
    }
}

/// <summary>Warms <see cref="SegmentFacts"/> for every searcher a <see cref="Lucene.Net.Search.SearcherManager"/> opens.</summary>
public sealed class WarmingSearcherFactory : Lucene.Net.Search.SearcherFactory
{
    public static WarmingSearcherFactory Instance { get; } = new();

    public override Lucene.Net.Search.IndexSearcher NewSearcher(IndexReader reader)
    {
        SegmentFacts.Warm(reader);
        return new Lucene.Net.Search.IndexSearcher(reader) { Similarity = GallerySimilarity.Instance };
    }
}
