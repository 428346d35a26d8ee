using Gallery.Indexer.Artifacts;
using Gallery.Indexer.Documents;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Attachments;
using Registry.Core.Data;
using Registry.Core.Oci;
using Registry.Core.Repositories.Public;
using Registry.Core.Repositories.CatalogData;

namespace Gallery.Indexer.Indexing;

/// <summary>
/// Reads repositories from the database as the index holds them. Only repositories with at least one image are
/// public; the others are simply absent from what it returns.
/// </summary>
public sealed class RepositoryRecordReader(RegistryDbContext db)
{
    private readonly SupplyChainReader _supplyChain = new(db);

    /// <summary>Tag names indexed per repository, most recently moved first.</summary>
    public const int MaxTags = 100;

    private sealed record Row(
        long Id, long RegistryKey, string FullName, string Alias, string Name, string? DisplayName, bool Verified, string? Description,
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
        var registryKey = await db.Registries.AsNoTracking().Where(r => r.Alias == alias).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (registryKey is null)
        {
            return (null, []);
        }

        var names = await db.Repositories.AsNoTracking().Where(r => r.RegistryKey == registryKey).Select(r => r.FullName).ToListAsync(cancellationToken);
        return (registryKey, names);
    }

    /// <param name="repositories">Visible ones only: a suspended publisher's repositories have no record, so their documents leave the index.</param>
    private static IQueryable<Row> Rows(IQueryable<Registry.Core.Data.Entities.Repository> repositories) => repositories.AsNoTracking()
        .Select(r => new Row(
        r.Id, r.RegistryKey, r.FullName, r.Registry.Alias, r.Name, r.Registry.DisplayName, r.Registry.Verified, r.Description,
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
                .OrderByDescending(t => t.UpdatedAt)
                .Select(t => new TagRow(t.RepositoryId, t.Name, t.ManifestId, t.Manifest.MediaType, t.Manifest.ArtifactType))
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.RepositoryId);
        var kinds = tags.ToDictionary(g => g.Key, g => ArtifactKinds.OfRepository(g.Where(t => !CosignTags.IsCosignTag(t.Name)).Select(t => (t.MediaType, t.ArtifactType))));
        var charts = await ChartsAsync(tags, kinds, cancellationToken);
        var supply = await _supplyChain.ForRepositoriesAsync(ids, cancellationToken);
        var withSbom = supply.Where(g => g.Any(t => t.HasSbom)).Select(g => g.Key).ToList();
        var packages = withSbom.Count == 0 ? null : await _supplyChain.PackagesAsync(withSbom, cancellationToken);

        var records = new List<RepositoryRecord>(rows.Count);
        foreach (var row in rows.Where(r => lastPushed.ContainsKey(r.Id)))
        {
            var pushed = platforms[row.Id].ToList();
            var chart = charts.GetValueOrDefault(row.Id);
            records.Add(new RepositoryRecord(
                row.FullName, row.RegistryKey, row.Alias, row.Name, row.DisplayName, row.Verified,
                string.IsNullOrWhiteSpace(row.Description) ? chart?.Description : row.Description,
                ChartAbout(row.AboutText, chart), row.UsageText,
                Known(row.Architectures.Concat(pushed.Select(p => p.Architecture)), PlatformNames.Architecture),
                Known(row.OperatingSystems.Concat(pushed.Select(p => p.Os)), PlatformNames.OperatingSystem),
                tags[row.Id].Select(t => t.Name).Take(MaxTags).ToList(), row.LogoDigest, row.PullCount, DateTime.SpecifyKind(lastPushed[row.Id], DateTimeKind.Utc),
                DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc))
            {
                Kind = kinds.GetValueOrDefault(row.Id),
                Signed = supply[row.Id].Any(t => t.Signed),
                HasSbom = supply[row.Id].Any(t => t.HasSbom),
                Packages = packages is null ? PackageMap.Empty : PackageMap.Of(packages[row.Id]),
            });
        }

        return records;
    }

    /// <summary>The chart of each Helm repository's most recently moved chart tag: its description, README and keywords are searched.</summary>
    private async Task<Dictionary<long, ChartText>> ChartsAsync(ILookup<long, TagRow> tags, Dictionary<long, ArtifactKind> kinds, CancellationToken cancellationToken)
    {
        var latest = kinds.Where(k => k.Value == ArtifactKind.Helm)
            .Select(k => tags[k.Key].First(t => ArtifactKinds.Of(t.MediaType, t.ArtifactType) == ArtifactKind.Helm))
            .ToDictionary(t => t.ManifestId, t => t.RepositoryId);
        if (latest.Count == 0)
        {
            return [];
        }

        var manifestIds = latest.Keys.ToList();
        var charts = await db.HelmCharts.AsNoTracking().Where(c => manifestIds.Contains(c.ManifestId))
            .Select(c => new { c.ManifestId, Text = new ChartText(c.Description, c.Readme, c.Keywords) }).ToListAsync(cancellationToken);
        return charts.ToDictionary(c => latest[c.ManifestId], c => c.Text);
    }

    /// <summary>The About text as searched: the catalog's, else the chart's README; with the chart's keywords.</summary>
    private static string? ChartAbout(string? about, ChartText? chart)
    {
        if (chart is null)
        {
            return about;
        }

        var text = string.IsNullOrWhiteSpace(about) ? chart.Readme : about;
        return chart.Keywords.Count == 0 ? text : $"{text}\n{string.Join(' ', chart.Keywords)}";
    }

    private sealed record TagRow(long RepositoryId, string Name, long ManifestId, string MediaType, string? ArtifactType);

    private sealed record ChartText(string? Description, string? Readme, List<string> Keywords);

    private static List<string> Known(IEnumerable<string> values, Func<string, string?> map) =>
        values.Select(map).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
}
