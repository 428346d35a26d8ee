using System.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Gallery.Indexer.Documents;

/// <summary>
/// What a hit shows of a repository (all but its pulls, which change in place). Written twice: as stored fields, and
/// as one binary doc value (<see cref="IndexFields.Hit"/>) that a page of results reads directly, where a stored
/// document costs a decompression of its whole 16 KiB block. A document without the doc value (indexed by an older
/// version) is read from its stored fields.
/// </summary>
public sealed record HitDisplay(
    string FullName,
    string Alias,
    string Name,
    string? PublisherDisplayName,
    bool Verified,
    string? Description,
    IReadOnlyList<string> Architectures,
    IReadOnlyList<string> OperatingSystems,
    string? LogoDigest,
    long LastPushedTicks,
    long CreatedTicks,
    string Type = "image",
    bool Signed = false,
    bool HasSbom = false)
{
    /// <summary>The first byte of the encoding; another value (or none) means: read the stored fields.</summary>
    private const byte Format = 3;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static HitDisplay Of(RepositoryRecord record) => new(
        record.FullName, record.Alias, record.Name, Optional(record.PublisherDisplayName), record.Verified, Optional(record.Description),
        record.Architectures, record.OperatingSystems, Optional(record.LogoDigest), record.LastPushedAt?.Ticks ?? 0, record.CreatedAt.Ticks,
        Registry.Core.Oci.ArtifactKinds.Name(record.Kind), record.Signed, record.HasSbom);

    /// <summary>Reads a hit: from the doc value when the document has one, else from its stored fields.</summary>
    public static HitDisplay Read(AtomicReader reader, BinaryDocValues? values, int doc, BytesRef scratch)
    {
        values?.Get(doc, scratch);
        return values is not null && scratch.Length > 0 && scratch.Bytes[scratch.Offset] == Format
            ? Decode(scratch)
            : FromStored(reader.Document(doc));
    }

    public BytesRef Encode()
    {
        using var bytes = new MemoryStream(256);
        using (var writer = new BinaryWriter(bytes, Utf8, leaveOpen: true))
        {
            writer.Write(Format);
            writer.Write(FullName);
            writer.Write(Alias);
            writer.Write(Name);
            WriteOptional(writer, PublisherDisplayName);
            writer.Write(Verified);
            WriteOptional(writer, Description);
            WriteList(writer, Architectures);
            WriteList(writer, OperatingSystems);
            WriteOptional(writer, LogoDigest);
            writer.Write(LastPushedTicks);
            writer.Write(CreatedTicks);
            writer.Write(Type);
            writer.Write(Signed);
            writer.Write(HasSbom);
        }

        return new BytesRef(bytes.GetBuffer(), 0, (int)bytes.Length);
    }

    private static HitDisplay Decode(BytesRef value)
    {
        using var reader = new BinaryReader(new MemoryStream(value.Bytes, value.Offset + 1, value.Length - 1, writable: false), Utf8);
        return new HitDisplay(
            reader.ReadString(), reader.ReadString(), reader.ReadString(), ReadOptional(reader), reader.ReadBoolean(), ReadOptional(reader),
            ReadList(reader), ReadList(reader), ReadOptional(reader), reader.ReadInt64(), reader.ReadInt64(), reader.ReadString(),
            reader.ReadBoolean(), reader.ReadBoolean());
    }

    private static HitDisplay FromStored(Document document) => new(
        document.Get(IndexFields.Id),
        document.Get(IndexFields.Alias),
        document.Get(IndexFields.Name),
        document.Get(IndexFields.PublisherDisplayName),
        document.Get(IndexFields.Verified) == "true",
        document.Get(IndexFields.Description),
        document.GetValues(IndexFields.Architecture),
        document.GetValues(IndexFields.OperatingSystem),
        document.Get(IndexFields.LogoDigest),
        document.GetField(IndexFields.LastPushed)?.GetInt64Value() ?? 0,
        document.GetField(IndexFields.Created)?.GetInt64Value() ?? 0,
        document.Get(IndexFields.Type) ?? "image",
        document.Get(IndexFields.Signed) == "true",
        document.Get(IndexFields.Sbom) == "true");

    /// <summary>As the stored fields hold it: blank text is left out.</summary>
    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static void WriteList(BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write7BitEncodedInt(values.Count);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static string[] ReadList(BinaryReader reader)
    {
        var values = new string[reader.Read7BitEncodedInt()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadString();
        }

        return values;
    }
}
