using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Registry.Core.Repositories.ResourceTags;

/// <summary>Key/value resource tags on repositories (TagResource/UntagResource/ListTagsForResource), not image tags.</summary>
public sealed class ResourceTagService(RegistryDbContext db)
{
    public Task<List<ResourceTag>> ListAsync(long repositoryId, CancellationToken cancellationToken) =>
        db.ResourceTags.AsNoTracking().Where(t => t.RepositoryId == repositoryId).OrderBy(t => t.Key).ToListAsync(cancellationToken);

    /// <summary>Adds or overwrites tags; all or none (the 50-tag limit counts the result).</summary>
    public async Task TagAsync(long repositoryId, IReadOnlyList<KeyValuePair<string, string?>> tags, CancellationToken cancellationToken)
    {
        ResourceTagRules.EnsureValid(tags);
        var existing = await db.ResourceTags.Where(t => t.RepositoryId == repositoryId).ToListAsync(cancellationToken);
        var keys = existing.Select(t => t.Key).Union(tags.Select(t => t.Key), StringComparer.Ordinal).Count();
        ResourceTagRules.EnsureWithinLimit(keys);
        foreach (var (key, value) in tags)
        {
            if (existing.FirstOrDefault(t => t.Key == key) is { } tag)
            {
                tag.Value = value!;
            }
            else
            {
                db.ResourceTags.Add(new ResourceTag { RepositoryId = repositoryId, Key = key, Value = value! });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public async Task UntagAsync(long repositoryId, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            ResourceTagRules.EnsureValidKey(key);
        }

        await db.ResourceTags.Where(t => t.RepositoryId == repositoryId && keys.Contains(t.Key)).ExecuteDeleteAsync(cancellationToken);
    }
}
