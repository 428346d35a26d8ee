using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Repositories.Public;

namespace Gallery.Indexer.Reading;

/// <summary>
/// Reads for feeds and badges, public repositories only: the tags a repository or a publisher pushed or moved
/// lately, newly published repositories, and a repository's badge facts. Null means "not in the gallery".
/// </summary>
public sealed class FeedReader(RegistryDbContext db)
{
    public const int EntriesPerFeed = 50;

    /// <summary>The repository's tags, most recently pushed or moved first; null when the gallery does not show it.</summary>
    public async Task<IReadOnlyList<FeedTag>?> RepositoryTagsAsync(string fullName, CancellationToken cancellationToken)
    {
        var id = await db.PublicRepositories().Where(r => r.FullName == fullName).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : await TagsAsync(db.Tags.Where(t => t.RepositoryId == id), cancellationToken);
    }

    /// <summary>Tags across the publisher's public repositories; null when the alias is no (visible) publisher.</summary>
    public async Task<IReadOnlyList<FeedTag>?> PublisherTagsAsync(string alias, CancellationToken cancellationToken)
    {
        var registryKey = await db.VisibleRegistries().Where(r => r.Alias == alias)
            .Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (registryKey is null)
        {
            return null;
        }

        var repositories = db.PublicRepositories().Where(r => r.RegistryKey == registryKey).Select(r => r.Id);
        return await TagsAsync(db.Tags.Where(t => repositories.Contains(t.RepositoryId)), cancellationToken);
    }

    public async Task<IReadOnlyList<FeedRepository>> NewRepositoriesAsync(CancellationToken cancellationToken)
    {
        var rows = await db.PublicRepositories().AsNoTracking().OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Take(EntriesPerFeed)
            .Select(r => new { r.FullName, r.Registry.DisplayName, r.Description, r.CreatedAt }).ToListAsync(cancellationToken);
        return rows.Select(r => new FeedRepository(r.FullName, r.DisplayName, r.Description, Utc(r.CreatedAt))).ToList();
    }

    /// <summary>The facts a repository's badges show; null when the gallery does not show it.</summary>
    public async Task<BadgeFacts?> BadgeFactsAsync(string fullName, CancellationToken cancellationToken)
    {
        var repository = await db.PublicRepositories().AsNoTracking().Where(r => r.FullName == fullName)
            .Select(r => new { r.Id, r.PullCount }).FirstOrDefaultAsync(cancellationToken);
        if (repository is null)
        {
            return null;
        }

        // Versions cannot be ordered in SQL; tag names are short, so even thousands sort quickly here.
        var tags = await db.Tags.AsNoTracking().Where(t => t.RepositoryId == repository.Id)
            .Select(t => new { t.Name, t.Manifest.ImageSize }).ToListAsync(cancellationToken);
        var latest = tags.OrderBy(t => t.Name, TagVersionComparer.HighestFirst).FirstOrDefault();
        // Joined from the repository's manifests: as an EXISTS on each platform row, SQLite read every image's platforms.
        var platforms = await (from m in db.Manifests.AsNoTracking()
                               where m.RepositoryId == repository.Id
                               join p in db.ImagePlatforms.AsNoTracking() on m.Id equals p.ManifestId
                               select new { p.Os, p.Architecture, p.Variant }).Distinct().ToListAsync(cancellationToken);
        return new BadgeFacts(latest?.Name, latest?.ImageSize, repository.PullCount,
            platforms.Select(p => PlatformText(p.Os, p.Architecture, p.Variant)).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    public static string PlatformText(string os, string architecture, string? variant) =>
        variant is null ? $"{os}/{architecture}" : $"{os}/{architecture}/{variant}";

    private async Task<IReadOnlyList<FeedTag>> TagsAsync(IQueryable<Registry.Core.Data.Entities.Tag> tags, CancellationToken cancellationToken)
    {
        var rows = await tags.AsNoTracking().OrderByDescending(t => t.UpdatedAt).ThenBy(t => t.Name).Take(EntriesPerFeed)
            .Select(t => new { Repository = db.Repositories.Where(r => r.Id == t.RepositoryId).Select(r => r.FullName).First(), t.Name, t.ManifestId, t.Manifest.Digest, t.UpdatedAt })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.ManifestId).Distinct().ToList();
        var platforms = (await db.ImagePlatforms.AsNoTracking().Where(p => ids.Contains(p.ManifestId)).OrderBy(p => p.Id)
                .Select(p => new { p.ManifestId, p.Os, p.Architecture, p.Variant }).ToListAsync(cancellationToken))
            .ToLookup(p => p.ManifestId, p => PlatformText(p.Os, p.Architecture, p.Variant));
        return rows.Select(r => new FeedTag(r.Repository, r.Name, r.Digest, Utc(r.UpdatedAt), platforms[r.ManifestId].Distinct().ToList())).ToList();
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
