using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Gallery.Indexer.Documents;

/// <summary>
/// Maps a <see cref="RepositoryRecord"/> to its Lucene document: the fields searched, filtered, counted and sorted on,
/// and what a hit shows, encoded once in doc values (<see cref="HitDisplay"/>).
/// </summary>
public static class RepositoryDocument
{
    /// <summary>Name parts count once however often they recur (<c>nginx-tools</c> holds nginx three times); length norms kept.</summary>
    private static readonly FieldType NamePartsType = new(TextField.TYPE_NOT_STORED) { IndexOptions = Lucene.Net.Index.IndexOptions.DOCS_ONLY };

    public static Document Create(RepositoryRecord record)
    {
        var document = new Document
        {
            new StringField(IndexFields.Id, record.FullName, Field.Store.YES),
            new StringField(IndexFields.FullNameKey, record.FullName.ToLowerInvariant(), Field.Store.NO),
            new StringField(IndexFields.LastPartKey, NameKeys.LastPart(record.Name), Field.Store.NO),
            new Field(IndexFields.NameText, record.Name, NamePartsType),
            new Field(IndexFields.NameText, record.Alias, NamePartsType),
            new StringField(IndexFields.Alias, record.Alias, Field.Store.YES),
            new StringField(IndexFields.RegistryKey, RegistryTerm(record.RegistryKey), Field.Store.NO),
            new StoredField(IndexFields.Name, record.Name),
            new TextField(IndexFields.PublisherText, $"{record.Alias} {record.PublisherDisplayName}", Field.Store.NO),
            new StringField(IndexFields.Verified, record.Verified ? "true" : "false", Field.Store.YES),
            new NumericDocValuesField(IndexFields.Pulls, record.PullCount),
            new NumericDocValuesField(IndexFields.LastPushed, record.LastPushedAt?.Ticks ?? 0),
            new StoredField(IndexFields.LastPushed, record.LastPushedAt?.Ticks ?? 0),
            new NumericDocValuesField(IndexFields.Created, record.CreatedAt.Ticks),
            new StoredField(IndexFields.Created, record.CreatedAt.Ticks),
            new SortedDocValuesField(IndexFields.SortName, new BytesRef(record.FullName.ToLowerInvariant())),
            new BinaryDocValuesField(IndexFields.Hit, HitDisplay.Of(record).Encode()),
        };
        foreach (var key in NameKeys.Whole(record.Name))
        {
            document.Add(new StringField(IndexFields.NameKey, key, Field.Store.NO));
        }

        if (NameKeys.IsOriginal(record.Alias, record.Name, record.Verified))
        {
            foreach (var key in NameKeys.Whole(record.Name))
            {
                document.Add(new StringField(IndexFields.OriginalKey, key, Field.Store.NO));
            }
        }

        AddOptional(document, IndexFields.PublisherDisplayName, record.PublisherDisplayName, stored: true, indexed: false);
        AddOptional(document, IndexFields.Description, record.Description, stored: true, indexed: true);
        AddOptional(document, IndexFields.About, record.AboutText, stored: false, indexed: true);
        AddOptional(document, IndexFields.Usage, record.UsageText, stored: false, indexed: true);
        AddOptional(document, IndexFields.LogoDigest, record.LogoDigest, stored: true, indexed: false);
        if (record.Tags.Count > 0)
        {
            document.Add(new TextField(IndexFields.TagText, string.Join(' ', record.Tags), Field.Store.NO));
        }

        AddFacet(document, IndexFields.Architecture, record.Architectures);
        AddFacet(document, IndexFields.OperatingSystem, record.OperatingSystems);
        AddFacet(document, IndexFields.Type, [Registry.Core.Oci.ArtifactKinds.Name(record.Kind)]);
        AddFacet(document, IndexFields.Signed, [record.Signed ? "true" : "false"]);
        AddFacet(document, IndexFields.Sbom, [record.HasSbom ? "true" : "false"]);
        foreach (var term in record.Packages.Terms())
        {
            document.Add(new StringField(IndexFields.Package, term, Field.Store.NO));
        }

        if (record.Packages.Entries.Count > 0)
        {
            document.Add(new StoredField(IndexFields.PackageMap, record.Packages.Encode()));
        }
        return document;
    }

    public static string RegistryTerm(long registryKey) => registryKey.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void AddOptional(Document document, string field, string? value, bool stored, bool indexed)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        document.Add(indexed
            ? new TextField(field, value, stored ? Field.Store.YES : Field.Store.NO)
            : new StoredField(field, value));
    }

    /// <summary>Filterable (string terms), countable (sorted-set doc values) and shown (stored).</summary>
    private static void AddFacet(Document document, string field, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            document.Add(new StringField(field, value, Field.Store.YES));
            document.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        }
    }
}
