using Gallery.Indexer.Documents;
using Lucene.Net.Index;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Repositories;

namespace Gallery.Indexer.Indexing;

/// <summary>
/// Copies pull counts into the index without an event per pull: repositories pulled since the last run (by
/// <c>LastPulledAt</c>, with an overlap for flushes that committed late) get their pull count updated in place.
/// </summary>
public sealed class PopularityRefresher(GalleryIndexWriter index, RegistryDbContext db)
{
    /// <summary>A flush stamps the pull time, and commits up to a flush interval later: look back further than that.</summary>
    public static readonly TimeSpan Overlap = PullCountFlusher.Interval + TimeSpan.FromSeconds(30);

    /// <summary>Updates repositories pulled since <paramref name="since"/> (all when null); returns how many.</summary>
    public async Task<int> RefreshAsync(DateTime? since, CancellationToken cancellationToken)
    {
        var query = db.Repositories.AsNoTracking().Where(r => r.LastPulledAt != null);
        if (since is { } from)
        {
            var cutoff = from - Overlap;
            query = query.Where(r => r.LastPulledAt >= cutoff);
        }

        var counts = await query.Select(r => new { r.FullName, r.PullCount }).ToListAsync(cancellationToken);
        if (counts.Count == 0 || !HasPullsField())
        {
            return 0;
        }

        foreach (var count in counts)
        {
            index.Writer.UpdateNumericDocValue(new Term(IndexFields.Id, count.FullName), IndexFields.Pulls, count.PullCount);
        }

        return counts.Count;
    }

    /// <summary>Doc values can be updated only in a field the index already has.</summary>
    private bool HasPullsField()
    {
        using var lease = index.Acquire();
        return lease.Searcher.IndexReader.MaxDoc > 0;
    }
}
