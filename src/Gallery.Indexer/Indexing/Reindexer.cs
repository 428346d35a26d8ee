using Gallery.Indexer.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gallery.Indexer.Indexing;

/// <summary>Rebuilds the whole index from the database, commits it with a safe outbox position and stores that checkpoint.</summary>
public sealed class Reindexer(
    GalleryIndexWriter index, RepositoryRecordReader reader, EventFeed feed, CheckpointStore checkpoints, IOptions<IndexOptions> options, ILogger<Reindexer> logger)
{
    private const int PageSize = 1000;

    /// <summary>Returns the checkpoint position the rebuilt index reflects.</summary>
    public async Task<long> RunAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var position = await feed.SafePositionAsync(options.Value.GapTimeout, cancellationToken);
        // Said first, so the outbox is not pruned past this position while the rebuild reads.
        await checkpoints.SaveAsync(position, cancellationToken);
        index.Writer.DeleteAll();
        long afterId = 0;
        var count = 0;
        while (true)
        {
            var (records, lastId) = await reader.ReadPageAsync(afterId, PageSize, cancellationToken);
            if (lastId is null)
            {
                break;
            }

            foreach (var record in records)
            {
                index.Writer.AddDocument(RepositoryDocument.Create(record));
            }

            count += records.Count;
            afterId = lastId.Value;
        }

        // One segment: a search or suggestion makes its enumerators and scorers per segment, so a rebuilt index of several
        // (each flush of the writer's buffer is one) cost about a fifth more per search and twice the garbage. Later
        // changes add small segments that the merge policy folds in as usual.
        index.Writer.ForceMerge(1);
        index.Commit(position);
        index.Refresh();
        await checkpoints.SaveAsync(position, cancellationToken);
        logger.LogInformation("Reindexed {Count} public repositories in {Elapsed} ms (checkpoint {Position})", count, started.ElapsedMilliseconds, position);
        return position;
    }
}
