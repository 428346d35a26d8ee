using Gallery.Indexer.Documents;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Repositories.Public;

namespace Gallery.Indexer.Indexing;

/// <summary>
/// Reads repositories from the database as the index holds them. Only repositories with at least one image are
/// public; the others are simply absent from what it returns.
/// </summary>
public sealed class RepositoryRecordReader(RegistryDbContext db)
{
    /// <summary>Tag names indexed per repository, most recently moved first.</summary>
    public const int MaxTags = 100;

    private sealed record Row(
        long Id, long RegistryId, string FullName, string Alias, string Name, string? DisplayName, bool Verified, string? Description,
        string? AboutText, string? UsageText, List<string> Architectures, List<string> OperatingSystems, string? LogoDigest,
        long PullCount, DateTime CreatedAt);

    public async Task<IReadOnlyList<RepositoryRecord>> ReadAsync(IReadOnlyCollection<string> fullNames, CancellationToken cancellationToken)
    {
        var names = fullNames.ToList();
        var rows = await Rows(db.VisibleRepositories().Where(r => names.Contains(r.FullName))).ToListAsync(cancellationToken);
        return await CompleteAsync(rows, cancellationToken);
    }

    /// <summary>A page of repositories in id order after <paramref name="afterId"/>, and the last id read (for the next page).</summary>
    public async Task<(IReadOnlyList<RepositoryRecord> Records, long? LastId)> ReadPageAsync(long afterId, int size, CancellationToken cancellationToken)
    {
        var rows = await Rows(db.VisibleRepositories().Where(r => r.Id > afterId).OrderBy(r => r.Id).Take(size)).ToListAsync(cancellationToken);
        return (await CompleteAsync(rows, cancellationToken), rows.Count == 0 ? null : rows[^1].Id);
    }

    /// <summary>The full names of a registry's repositories, and its database id, by its current alias.</summary>
    public async Task<(long? RegistryKey, IReadOnlyList<string> FullNames)> ReadRegistryAsync(string alias, CancellationToken cancellationToken)
    {
        var registryId = await db.Registries.AsNoTracking().Where(r => r.Alias == alias).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (registryId is null)
        {
            return (null, []);
        }

        var names = await db.Repositories.AsNoTracking().Where(r => r.RegistryId == registryId).Select(r => r.FullName).ToListAsync(cancellationToken);
        return (registryId, names);
    }

    /// <param name="repositories">Visible ones only: a suspended publisher's repositories have no record, so their documents leave the index.</param>
    private static IQueryable<Row> Rows(IQueryable<Registry.Core.Data.Entities.Repository> repositories) => repositories.AsNoTracking()
        .Select(r => new Row(
        r.Id, r.RegistryId, r.FullName, r.Registry.Alias, r.Name, r.Registry.DisplayName, r.Registry.Verified, r.Description,
        r.AboutText, r.UsageText, r.Architectures, r.OperatingSystems, r.LogoDigest, r.PullCount, r.CreatedAt));

    private async Task<IReadOnlyList<RepositoryRecord>> CompleteAsync(List<Row> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var lastPushed = await db.Manifests.AsNoTracking().Where(m => ids.Contains(m.RepositoryId))
            .GroupBy(m => m.RepositoryId).Select(g => new { g.Key, At = g.Max(m => m.PushedAt) })
            .ToDictionaryAsync(g => g.Key, g => g.At, cancellationToken);
        var platforms = (await db.Manifests.AsNoTracking().Where(m => ids.Contains(m.RepositoryId))
                .SelectMany(m => m.Platforms, (m, p) => new { m.RepositoryId, p.Os, p.Architecture }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(p => p.RepositoryId);
        var tags = (await db.Tags.AsNoTracking().Where(t => ids.Contains(t.RepositoryId))
                .OrderByDescending(t => t.UpdatedAt).Select(t => new { t.RepositoryId, t.Name }).ToListAsync(cancellationToken))
            .ToLookup(t => t.RepositoryId, t => t.Name);

        var records = new List<RepositoryRecord>(rows.Count);
        foreach (var row in rows.Where(r => lastPushed.ContainsKey(r.Id)))
        {
            var pushed = platforms[row.Id].ToList();
            records.Add(new RepositoryRecord(
                row.FullName, row.RegistryId, row.Alias, row.Name, row.DisplayName, row.Verified, row.Description, row.AboutText, row.UsageText,
                Known(row.Architectures.Concat(pushed.Select(p => p.Architecture)), PlatformNames.Architecture),
                Known(row.OperatingSystems.Concat(pushed.Select(p => p.Os)), PlatformNames.OperatingSystem),
                tags[row.Id].Take(MaxTags).ToList(), row.LogoDigest, row.PullCount, DateTime.SpecifyKind(lastPushed[row.Id], DateTimeKind.Utc),
                DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc)));
        }

        return records;
    }

    private static List<string> Known(IEnumerable<string> values, Func<string, string?> map) =>
        values.Select(map).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
}
