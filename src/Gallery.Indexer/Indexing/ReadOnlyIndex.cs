using Gallery.Indexer.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Registry.Core;

namespace Gallery.Indexer.Indexing;

/// <summary>
/// For a web process when a separate indexer writes the index: opens the directory read-only (once it exists) and
/// reopens it about every second to see the indexer's commits.
/// </summary>
public sealed class ReadOnlyIndex(IOptions<IndexOptions> options, IOptions<RegistryOptions> registry, IndexRefreshes refreshes) : BackgroundService, ISearcherSource
{
    private readonly FSDirectory _directory = FSDirectory.Open(System.IO.Directory.CreateDirectory(options.Value.ResolvePath(registry.Value)));
    private SearcherManager? _searchers;

    public SearcherLease? Acquire() => Volatile.Read(ref _searchers) is { } searchers ? new SearcherLease(searchers) : null;

    public void Refresh()
    {
        if (_searchers is { } searchers)
        {
            searchers.MaybeRefresh();
        }
        else if (DirectoryReader.IndexExists(_directory))
        {
            var opened = new SearcherManager(_directory, WarmingSearcherFactory.Instance);
            opened.AddListener(refreshes);
            Volatile.Write(ref _searchers, opened);
            refreshes.Notify();
        }
    }

    public override void Dispose()
    {
        _searchers?.Dispose();
        _directory.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReaderRefreshInterval);
        do
        {
            try
            {
                Refresh();
            }
            catch (IOException)
            {
                // The indexer is between files; the next tick sees its next commit.
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
