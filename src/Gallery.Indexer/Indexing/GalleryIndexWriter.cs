using System.Globalization;
using Gallery.Indexer.Documents;
using Gallery.Indexer.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Options;
using Registry.Core;

namespace Gallery.Indexer.Indexing;

/// <summary>
/// The one <see cref="IndexWriter"/> of the index directory, and the near-real-time searchers read through it.
/// Each commit records the outbox position it reflects and the late event ids still to look for
/// (<see cref="EventGapTracker"/>), so a restart knows whether the index is complete and where to resume.
/// </summary>
public sealed class GalleryIndexWriter : ISearcherSource, IDisposable
{
    private const string PositionKey = "position";
    private const string LateKey = "late";

    /// <summary>The schema a commit was written with; an index of another schema is rebuilt at start (as one never completed).</summary>
    private const string SchemaKey = "schema";

    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _commitLock = new();

    /// <param name="refreshes">Told of every refresh that shows new changes; none for a writer that only builds (reindex, bench).</param>
    public GalleryIndexWriter(IOptions<IndexOptions> options, IOptions<RegistryOptions> registry, IndexRefreshes? refreshes = null)
    {
        Path = options.Value.ResolvePath(registry.Value);
        System.IO.Directory.CreateDirectory(Path);
        _directory = FSDirectory.Open(Path);
        _writer = new IndexWriter(_directory, new IndexWriterConfig(IndexFields.Version, GalleryAnalyzers.PerField)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 64,
        });
        var data = _writer.CommitData;
        var sameSchema = data.TryGetValue(SchemaKey, out var schema) && schema == IndexFields.Schema;
        CommittedPosition = sameSchema && data.TryGetValue(PositionKey, out var text) ? long.Parse(text, CultureInfo.InvariantCulture) : null;
        CommittedLate = sameSchema && data.TryGetValue(LateKey, out var late) ? ParseLate(late) : new Dictionary<long, DateTimeOffset>();
        if (CommittedPosition is null)
        {
            _writer.Commit();
        }

        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: WarmingSearcherFactory.Instance);
        if (refreshes is not null)
        {
            _searchers.AddListener(refreshes);
        }
    }

    public string Path { get; }

    /// <summary>The outbox position of the last complete commit; null when the index was never built.</summary>
    public long? CommittedPosition { get; private set; }

    /// <summary>The late event ids of the last commit, with when each was first missed.</summary>
    public IReadOnlyDictionary<long, DateTimeOffset> CommittedLate { get; private set; }

    public IndexWriter Writer => _writer;

    public SearcherLease Acquire() => new(_searchers);

    /// <summary>Makes every change so far visible to searches in this process.</summary>
    public void Refresh() => _searchers.MaybeRefreshBlocking();

    /// <summary>Writes every change so far to disk with the outbox position it reflects and the late ids still to look for.</summary>
    public void Commit(long position, IReadOnlyDictionary<long, DateTimeOffset>? late = null)
    {
        late ??= new Dictionary<long, DateTimeOffset>();
        lock (_commitLock)
        {
            _writer.SetCommitData(new Dictionary<string, string>
            {
                [PositionKey] = position.ToString(CultureInfo.InvariantCulture),
                [SchemaKey] = IndexFields.Schema,
                [LateKey] = string.Join(',', late.Select(kv => FormattableString.Invariant($"{kv.Key}:{kv.Value.ToUnixTimeSeconds()}"))),
            });
            _writer.Commit();
            CommittedPosition = position;
            CommittedLate = late.ToDictionary();
        }
    }

    private static Dictionary<long, DateTimeOffset> ParseLate(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split(':'))
            .ToDictionary(
                pair => long.Parse(pair[0], CultureInfo.InvariantCulture),
                pair => DateTimeOffset.FromUnixTimeSeconds(long.Parse(pair[1], CultureInfo.InvariantCulture)));

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }
}
