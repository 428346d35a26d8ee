using BenchmarkDotNet.Attributes;
using Gallery.Indexer.Documents;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Gallery.Microbench.Search;

/// <summary>
/// The indexer's per-repository work: a record to its Lucene document, and that document analyzed into an index
/// (in memory, no commit) with UpdateDocument on its id, as the worker does on every repository event.
/// </summary>
[MemoryDiagnoser]
public class SearchDocumentBenchmarks
{
    private RAMDirectory _directory = null!;
    private IndexWriter _writer = null!;
    private Term _id = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = new RAMDirectory();
        _writer = new IndexWriter(_directory, new IndexWriterConfig(IndexFields.Version, GalleryAnalyzers.PerField) { RAMBufferSizeMB = 64 });
        _id = new Term(IndexFields.Id, SearchSamples.Repository.FullName);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _writer.Dispose();
        _directory.Dispose();
    }

    [Benchmark(Description = "RepositoryDocument.Create")]
    public Document CreateDocument() => RepositoryDocument.Create(SearchSamples.Repository);

    [Benchmark(Description = "Create + UpdateDocument (analysis, in memory)")]
    public void IndexDocument() => _writer.UpdateDocument(_id, RepositoryDocument.Create(SearchSamples.Repository));
}
