using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;

namespace Registry.Core.Repositories.Images;

/// <summary>
/// Reads a repository's images and tags for the management API, in stable orders that page by key. An index's size is
/// the largest of its children's, as ECR Public reports a manifest list (the stored size, the gallery's, is the sum).
/// </summary>
public sealed class ImageQueryService(RegistryDbContext db)
{
    /// <summary>Images in push order (by id), after <paramref name="afterId"/>.</summary>
    public async Task<List<ImageSummary>> ListImagesAsync(long repositoryId, long? afterId, int take, CancellationToken cancellationToken)
    {
        var query = db.Manifests.AsNoTracking().Where(m => m.RepositoryId == repositoryId);
        if (afterId is { } after)
        {
            query = query.Where(m => m.Id > after);
        }

        var rows = await query.OrderBy(m => m.Id).Take(take)
            .Select(m => new { m.Id, m.Digest, ImageSize = m.Platforms.Where(p => p.ChildDigest != null).Max(p => (long?)p.Size) ?? m.ImageSize, m.PushedAt, m.MediaType, m.ArtifactType })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var tags = await TagsByManifestAsync(repositoryId, ids, cancellationToken);
        return rows.Select(r => new ImageSummary(r.Id, r.Digest, tags.GetValueOrDefault(r.Id, []), r.ImageSize, r.PushedAt, r.MediaType, r.ArtifactType)).ToList();
    }

    /// <summary>The image with this digest, or null.</summary>
    public async Task<ImageSummary?> FindByDigestAsync(long repositoryId, string digest, CancellationToken cancellationToken) =>
        await FindAsync(repositoryId, await db.Manifests.AsNoTracking().Where(m => m.RepositoryId == repositoryId && m.Digest == digest).Select(m => (long?)m.Id).FirstOrDefaultAsync(cancellationToken), cancellationToken);

    /// <summary>The image a tag points at, or null.</summary>
    public async Task<ImageSummary?> FindByTagAsync(long repositoryId, string tag, CancellationToken cancellationToken) =>
        await FindAsync(repositoryId, await db.Tags.AsNoTracking().Where(t => t.RepositoryId == repositoryId && t.Name == tag).Select(t => (long?)t.ManifestId).FirstOrDefaultAsync(cancellationToken), cancellationToken);

    /// <summary>Tags by name, after <paramref name="afterTag"/>, each with its image.</summary>
    public async Task<List<TagSummary>> ListTagsAsync(long repositoryId, string? afterTag, int take, CancellationToken cancellationToken)
    {
        var query = db.Tags.AsNoTracking().Where(t => t.RepositoryId == repositoryId);
        if (afterTag is not null)
        {
            query = query.Where(t => string.Compare(t.Name, afterTag) > 0);
        }

        var rows = await query.OrderBy(t => t.Name).Take(take)
            .Select(t => new
            {
                t.Name, t.UpdatedAt, t.Manifest.Id, t.Manifest.Digest,
                ImageSize = t.Manifest.Platforms.Where(p => p.ChildDigest != null).Max(p => (long?)p.Size) ?? t.Manifest.ImageSize,
                t.Manifest.PushedAt, t.Manifest.MediaType, t.Manifest.ArtifactType,
            })
            .ToListAsync(cancellationToken);
        var tags = await TagsByManifestAsync(repositoryId, rows.Select(r => r.Id).Distinct().ToList(), cancellationToken);
        return rows.Select(r => new TagSummary(r.Name, r.UpdatedAt,
            new ImageSummary(r.Id, r.Digest, tags.GetValueOrDefault(r.Id, []), r.ImageSize, r.PushedAt, r.MediaType, r.ArtifactType))).ToList();
    }

    /// <summary>Each image's platforms (one for an image manifest, one per child of an index), by image id.</summary>
    public async Task<Dictionary<long, List<Oci.Platform>>> PlatformsByImageAsync(IReadOnlyCollection<long> imageIds, CancellationToken cancellationToken)
    {
        var rows = await db.ImagePlatforms.AsNoTracking().Where(p => imageIds.Contains(p.ManifestId)).OrderBy(p => p.Id)
            .Select(p => new { p.ManifestId, p.Os, p.Architecture, p.Variant }).ToListAsync(cancellationToken);
        return rows.GroupBy(p => p.ManifestId).ToDictionary(g => g.Key, g => g.Select(p => new Oci.Platform(p.Os, p.Architecture, p.Variant)).ToList());
    }

    /// <summary>Whether an index in the repository lists this manifest (deleting it would break the index).</summary>
    public Task<bool> IsReferencedByIndexAsync(long repositoryId, string digest, CancellationToken cancellationToken) =>
        db.ManifestReferences.AsNoTracking().AnyAsync(r => r.Digest == digest && r.Kind == Data.Entities.ReferenceKind.Manifest
            && db.Manifests.Any(m => m.Id == r.ManifestId && m.RepositoryId == repositoryId), cancellationToken);

    private async Task<ImageSummary?> FindAsync(long repositoryId, long? manifestId, CancellationToken cancellationToken)
    {
        if (manifestId is not { } id)
        {
            return null;
        }

        var images = await ListImagesAsync(repositoryId, id - 1, 1, cancellationToken);
        return images.FirstOrDefault(i => i.Id == id);
    }

    private async Task<Dictionary<long, List<string>>> TagsByManifestAsync(long repositoryId, List<long> manifestIds, CancellationToken cancellationToken)
    {
        var tags = await db.Tags.AsNoTracking()
            .Where(t => t.RepositoryId == repositoryId && manifestIds.Contains(t.ManifestId))
            .OrderBy(t => t.Name)
            .Select(t => new { t.ManifestId, t.Name }).ToListAsync(cancellationToken);
        return tags.GroupBy(t => t.ManifestId).ToDictionary(g => g.Key, g => g.Select(t => t.Name).ToList());
    }
}
