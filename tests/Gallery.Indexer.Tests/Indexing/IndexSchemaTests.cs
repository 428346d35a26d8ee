using Gallery.Indexer.Documents;
using Gallery.Indexer.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Extensions.Options;
using Registry.Core;

namespace Gallery.Indexer.Tests.Indexing;

/// <summary>An index committed with another schema (fields, analyzers) counts as never built, so it is rebuilt at start.</summary>
public sealed class IndexSchemaTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "gallery-schema-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_commit_of_this_schema_is_complete_and_one_of_another_is_not()
    {
        using (var index = Open())
        {
            Assert.Null(index.CommittedPosition);
            index.Commit(42);
        }

        using (var index = Open())
        {
            Assert.Equal(42, index.CommittedPosition);
        }

        using (var directory = FSDirectory.Open(_path))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(IndexFields.Version, GalleryAnalyzers.PerField)))
        {
            writer.SetCommitData(new Dictionary<string, string> { ["position"] = "42", ["schema"] = "an older one" });
            writer.Commit();
        }

        using (var index = Open())
        {
            Assert.Null(index.CommittedPosition);
        }
    }

    private GalleryIndexWriter Open() =>
        new(Options.Create(new IndexOptions { Path = _path }), Options.Create(new RegistryOptions { DataPath = _path }));

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_path))
        {
            System.IO.Directory.Delete(_path, recursive: true);
        }
    }
}
