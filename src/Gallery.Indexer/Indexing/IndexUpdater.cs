using Gallery.Indexer.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Registry.Core.Data.Entities;
using Registry.Core.Events;

namespace Gallery.Indexer.Indexing;

/// <summary>
/// Applies a batch of events: every repository they touch has its document rebuilt from the database as it is now
/// (so replaying, reordering or merging events changes nothing), or deleted when it is gone or has no image.
/// </summary>
public sealed class IndexUpdater(GalleryIndexWriter index, RepositoryRecordReader reader)
{
    private const int ChunkSize = 500;

    /// <summary>Returns the repositories rebuilt or removed.</summary>
    public async Task<IReadOnlyCollection<string>> ApplyAsync(IReadOnlyList<RegistryEvent> events, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Type == RegistryEventTypes.RegistryUpdated)
            {
                names.UnionWith(await RegistryRepositoriesAsync(e.Repository, cancellationToken));
            }
            else
            {
                names.Add(e.Repository);
            }
        }

        await RebuildAsync(names, cancellationToken);
        return names;
    }

    public async Task RebuildAsync(IReadOnlyCollection<string> fullNames, CancellationToken cancellationToken)
    {
        foreach (var chunk in fullNames.Chunk(ChunkSize))
        {
            var records = (await reader.ReadAsync(chunk, cancellationToken)).ToDictionary(r => r.FullName, StringComparer.Ordinal);
            foreach (var name in chunk)
            {
                var key = new Term(IndexFields.Id, name);
                if (records.TryGetValue(name, out var record))
                {
                    index.Writer.UpdateDocument(key, RepositoryDocument.Create(record));
                }
                else
                {
                    index.Writer.DeleteDocuments(key);
                }
            }
        }
    }

    /// <summary>A registry's repositories under its alias now, and those indexed under it before (its alias may have changed).</summary>
    private async Task<IEnumerable<string>> RegistryRepositoriesAsync(string alias, CancellationToken cancellationToken)
    {
        var (registryKey, names) = await reader.ReadRegistryAsync(alias, cancellationToken);
        var query = new BooleanQuery { { new TermQuery(new Term(IndexFields.Alias, alias)), Occur.SHOULD } };
        if (registryKey is { } key)
        {
            query.Add(new TermQuery(new Term(IndexFields.RegistryKey, RepositoryDocument.RegistryTerm(key))), Occur.SHOULD);
        }

        index.Refresh();
        using var lease = index.Acquire();
        var searcher = lease.Searcher;
        var hits = searcher.Search(query, Math.Max(1, searcher.IndexReader.MaxDoc)).ScoreDocs;
        return names.Concat(hits.Select(h => searcher.Doc(h.Doc).Get(IndexFields.Id)));
    }
}
