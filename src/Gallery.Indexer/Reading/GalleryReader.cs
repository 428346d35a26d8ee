using Microsoft.EntityFrameworkCore;
using Registry.Core.Charts;
using Registry.Core.Attachments;
using Registry.Core.Data;
using Registry.Core.Oci;
using Registry.Core.Data.Entities;
using Registry.Core.Repositories.Public;

namespace Gallery.Indexer.Reading;

/// <summary>
/// The gallery's read queries over the registry database (no tracking; public repositories only: those with an
/// image, of publishers who are not suspended).
/// </summary>
public sealed class GalleryReader(RegistryDbContext db) : IGalleryReader
{
    /// <summary>Repositories of publishers who are not suspended (a suspended publisher's pages are hidden).</summary>
    private IQueryable<Repository> VisibleRepositories => db.VisibleRepositories().AsNoTracking();

    private IQueryable<Repository> PublicRepositories => db.PublicRepositories().AsNoTracking();

    public async Task<GalleryRepository?> GetRepositoryAsync(string fullName, CancellationToken cancellationToken = default)
    {
        var row = await VisibleRepositories.Where(r => r.FullName == fullName).Select(r => new
        {
            r.Id, r.FullName, r.Registry.Alias, r.Name, r.Registry.DisplayName, r.Registry.Verified, r.Description, r.AboutText,
            r.UsageText, r.Architectures, r.OperatingSystems, r.LogoDigest, r.PullCount, r.CreatedAt,
        }).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var lastPushed = await db.Manifests.Where(m => m.RepositoryId == row.Id).MaxAsync(m => (DateTime?)m.PushedAt, cancellationToken);
        if (lastPushed is null)
        {
            return null;
        }

        var platforms = await db.Manifests.Where(m => m.RepositoryId == row.Id)
            .SelectMany(m => m.Platforms, (m, p) => new PushedPlatform(p.Os, p.Architecture)).Distinct().ToListAsync(cancellationToken);
        var tagCount = await db.Tags.CountAsync(t => t.RepositoryId == row.Id, cancellationToken);
        var defaultTag = await TagsWithImages(row.Id).WithoutCosignTags().OrderByDescending(t => t.Name == "latest")
            .ThenByDescending(t => t.Manifest.PushedAt).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
        var kinds = await KindsAsync(row.Id, cancellationToken);
        var kind = ArtifactKinds.OfRepository(kinds);
        var chart = kind == ArtifactKind.Helm ? await ChartAsync(row.Id, cancellationToken) : null;
        return new GalleryRepository(
            row.FullName, row.Alias, row.Name, row.DisplayName, row.Verified, row.Description, row.AboutText, row.UsageText,
            row.Architectures, row.OperatingSystems, platforms, row.LogoDigest, row.PullCount, Utc(lastPushed.Value), Utc(row.CreatedAt), tagCount,
            chart?.Tag ?? defaultTag)
        {
            Kind = kind,
            Chart = chart,
            ArtifactTypes = kind == ArtifactKind.Artifact ? kinds.Select(k => k.ArtifactType).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList() : [],
        };
    }

    /// <summary>What the repository's tags (cosign's aside) point at: one row per distinct media type and artifact type.</summary>
    private async Task<List<(string MediaType, string? ArtifactType)>> KindsAsync(long repositoryId, CancellationToken cancellationToken) =>
        (await db.Tags.AsNoTracking().Where(t => t.RepositoryId == repositoryId).WithoutCosignTags()
            .Select(t => new { t.Manifest.MediaType, t.Manifest.ArtifactType }).Distinct().ToListAsync(cancellationToken))
        .Select(k => (k.MediaType, k.ArtifactType)).ToList();

    /// <summary>The chart of the most recently pushed tag that holds one.</summary>
    private Task<GalleryChart?> ChartAsync(long repositoryId, CancellationToken cancellationToken) =>
        db.Tags.AsNoTracking().Where(t => t.RepositoryId == repositoryId && t.Manifest.Chart != null)
            .OrderByDescending(t => t.Manifest.PushedAt).ThenByDescending(t => t.Name)
            .Select(t => new GalleryChart(t.Name, t.Manifest.Chart!.Name, t.Manifest.Chart.Version, t.Manifest.Chart.AppVersion,
                t.Manifest.Chart.Description, t.Manifest.Chart.Keywords, t.Manifest.Chart.Readme, t.Manifest.Chart.Problem))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<TagPage> GetTagsAsync(TagQuery query, CancellationToken cancellationToken = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, TagQuery.MaxPageSize);
        var page = Math.Max(1, query.Page);
        var repositoryId = await VisibleRepositories.Where(r => r.FullName == query.FullName).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (repositoryId is null)
        {
            return new TagPage([], 0, page, pageSize);
        }

        var tags = TagsWithImages(repositoryId.Value).AsNoTracking();
        if (!query.IncludeAttachmentTags)
        {
            tags = tags.WithoutCosignTags();
        }

        if (!string.IsNullOrWhiteSpace(query.Filter))
        {
            var filter = query.Filter.Trim();
            tags = tags.Where(t => t.Name.Contains(filter));
        }

        var total = await tags.CountAsync(cancellationToken);
        List<(string Name, long ManifestId)> pageTags;
        if (query.Sort == TagSort.Version)
        {
            // Versions cannot be ordered in SQL; names are short, so even thousands sort quickly here.
            var all = await tags.Select(t => new { t.Name, t.ManifestId }).ToListAsync(cancellationToken);
            pageTags = all.OrderBy(t => t.Name, TagVersionComparer.HighestFirst)
                .Skip((page - 1) * pageSize).Take(pageSize).Select(t => (t.Name, t.ManifestId)).ToList();
        }
        else
        {
            var rows = await tags.OrderByDescending(t => t.Manifest.PushedAt).ThenBy(t => t.Name)
                .Skip((page - 1) * pageSize).Take(pageSize).Select(t => new { t.Name, t.ManifestId }).ToListAsync(cancellationToken);
            pageTags = rows.Select(t => (t.Name, t.ManifestId)).ToList();
        }

        return new TagPage(await DescribeAsync(repositoryId.Value, pageTags, cancellationToken), total, page, pageSize);
    }

    private async Task<IReadOnlyList<TagRow>> DescribeAsync(long repositoryId, List<(string Name, long ManifestId)> tags, CancellationToken cancellationToken)
    {
        if (tags.Count == 0)
        {
            return [];
        }

        var ids = tags.Select(t => t.ManifestId).Distinct().ToList();
        var manifests = await db.Manifests.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Digest, m.MediaType, m.ArtifactType, m.ImageSize, m.PushedAt })
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        var platforms = (await db.ImagePlatforms.AsNoTracking().Where(p => ids.Contains(p.ManifestId))
                .OrderBy(p => p.Id).Select(p => new { p.ManifestId, p.Os, p.Architecture, p.Variant, p.ChildDigest, p.Size })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.ManifestId, p => new TagPlatform(p.Os, p.Architecture, p.Variant, p.ChildDigest, p.Size));
        var charts = manifests.Values.Any(m => m.ArtifactType == HelmMediaTypes.Config)
            ? await db.HelmCharts.AsNoTracking().Where(c => ids.Contains(c.ManifestId))
                .ToDictionaryAsync(c => c.ManifestId, c => new TagChart(c.Version, c.AppVersion), cancellationToken)
            : [];
        // Sorted once per image, not once per row: an image may carry thousands of tags.
        var sharing = (await db.Tags.AsNoTracking().Where(t => t.RepositoryId == repositoryId && ids.Contains(t.ManifestId))
                .Select(t => new { t.ManifestId, t.Name }).ToListAsync(cancellationToken))
            .GroupBy(t => t.ManifestId).ToDictionary(g => g.Key, g => g.Select(t => t.Name).Order(StringComparer.Ordinal).ToList());

        return tags.Select(t =>
        {
            var m = manifests[t.ManifestId];
            var also = sharing[t.ManifestId].Where(n => n != t.Name).ToList();
            return new TagRow(t.Name, m.Digest, m.MediaType, m.ArtifactType, m.ImageSize, Utc(m.PushedAt), platforms[t.ManifestId].ToList(), also)
            {
                Chart = charts.GetValueOrDefault(t.ManifestId),
            };
        }).ToList();
    }

    /// <summary>
    /// A repository's tags, read with their images: the images are the repository's too, which lets PostgreSQL find
    /// them by the repository's index. Joined by id alone, it hashed every image of the catalog for each tags page.
    /// </summary>
    private IQueryable<Tag> TagsWithImages(long repositoryId) =>
        db.Tags.Where(t => t.RepositoryId == repositoryId && t.Manifest.RepositoryId == repositoryId);

    public Task<GalleryPublisher?> GetPublisherAsync(string alias, CancellationToken cancellationToken = default) =>
        db.VisibleRegistries().AsNoTracking().Where(r => r.Alias == alias)
            .Select(r => new GalleryPublisher(r.Alias, r.DisplayName, r.Verified, r.LogoDigest, r.PublicRepositoryCount))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<GalleryPublisher>> GetVerifiedPublishersAsync(int max, CancellationToken cancellationToken = default) =>
        await db.VisibleRegistries().AsNoTracking()
            .Where(r => r.Verified && r.PublicRepositoryCount > 0)
            .OrderByDescending(r => r.PublicRepositoryCount).ThenBy(r => r.Alias).Take(max)
            .Select(r => new GalleryPublisher(r.Alias, r.DisplayName, r.Verified, r.LogoDigest, r.PublicRepositoryCount))
            .ToListAsync(cancellationToken);

    /// <summary>Kept as the catalog changes (<see cref="PublicCounts"/>): nothing here grows with the catalog.</summary>
    public Task<PublicTotals> GetTotalsAsync(CancellationToken cancellationToken = default) => PublicCounts.ReadTotalsAsync(db, cancellationToken);

    public async Task<string?> FindRepositoryByDigestAsync(string digest, CancellationToken cancellationToken = default)
    {
        var repositoryId = await db.Manifests.Where(m => m.Digest == digest).Select(m => (long?)m.RepositoryId).FirstOrDefaultAsync(cancellationToken)
            ?? await db.ImagePlatforms.Where(p => p.ChildDigest == digest)
                .Join(db.Manifests, p => p.ManifestId, m => m.Id, (p, m) => (long?)m.RepositoryId).FirstOrDefaultAsync(cancellationToken);
        return repositoryId is null
            ? null
            : await VisibleRepositories.Where(r => r.Id == repositoryId).Select(r => r.FullName).FirstOrDefaultAsync(cancellationToken);
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
