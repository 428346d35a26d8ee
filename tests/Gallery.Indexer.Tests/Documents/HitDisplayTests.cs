using Gallery.Indexer.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Gallery.Indexer.Tests.Documents;

/// <summary>What a hit shows reads the same from the binary doc value as from the stored fields of an older document without it.</summary>
public sealed class HitDisplayTests
{
    private static readonly RepositoryRecord Full = new(
        "acme/tools/kube-ctl", 7, "acme", "tools/kube-ctl", "ACME Corp — «tools»", true, "kubectl, the Kubernetes CLI ☸", "about", "usage",
        ["ARM 64", "x86-64"], ["Linux"], ["latest", "1.31"], "sha256:" + new string('a', 64), 42,
        new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc), new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc));

    private static readonly RepositoryRecord Bare = new(
        "solo/x", 8, "solo", "x", " ", false, null, null, null, [], [], [], null, 0, null, new DateTime(2024, 5, 6, 0, 0, 0, DateTimeKind.Utc));

    [Theory]
    [MemberData(nameof(Records))]
    public void The_doc_value_and_the_stored_fields_read_the_same(RepositoryRecord record)
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(IndexFields.Version, GalleryAnalyzers.PerField)))
        {
            writer.AddDocument(RepositoryDocument.Create(record));
            var older = RepositoryDocument.Create(record);
            older.RemoveField(IndexFields.Hit);
            writer.AddDocument(older);
        }

        using var reader = DirectoryReader.Open(directory);
        var segment = reader.Leaves.Single().AtomicReader;
        var values = segment.GetBinaryDocValues(IndexFields.Hit);
        var expected = HitDisplay.Of(record);
        AssertSame(expected, HitDisplay.Read(segment, values, 0, new BytesRef()));
        AssertSame(expected, HitDisplay.Read(segment, values, 1, new BytesRef()));
        AssertSame(expected, HitDisplay.Read(segment, null, 0, new BytesRef()));
    }

    public static TheoryData<RepositoryRecord> Records => new() { Full, Bare };

    private static void AssertSame(HitDisplay expected, HitDisplay actual)
    {
        Assert.Equal(expected with { Architectures = [], OperatingSystems = [] }, actual with { Architectures = [], OperatingSystems = [] });
        Assert.Equal(expected.Architectures, actual.Architectures);
        Assert.Equal(expected.OperatingSystems, actual.OperatingSystems);
    }
}
