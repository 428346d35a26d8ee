using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Events;
using Registry.Core.Oci;
using Registry.Core.Repositories.CatalogData;
using Registry.Core.Repositories.Public;
using Registry.Core.Repositories.ResourceTags;

namespace Registry.Core.Repositories.Management;

/// <summary>
/// Explicit repository management: create (with catalog data and resource tags, all or nothing), delete (refused
/// while images remain unless forced), find and list a registry's repositories. Each change writes its event.
/// </summary>
public sealed class RepositoryManagementService(RegistryDbContext db, RepositoryCatalogService catalog, RegistryEventSignal signal)
{
    public Task<PublicRegistry?> FindRegistryAsync(string registryIdOrAlias, CancellationToken cancellationToken) =>
        db.Registries.AsNoTracking().FirstOrDefaultAsync(r => r.RegistryId == registryIdOrAlias || r.Alias == registryIdOrAlias || r.DefaultAlias == registryIdOrAlias, cancellationToken);

    public Task<Repository?> FindAsync(long registryKey, string name, CancellationToken cancellationToken) =>
        db.Repositories.AsNoTracking().Include(r => r.Registry).FirstOrDefaultAsync(r => r.RegistryId == registryKey && r.Name == name, cancellationToken);

    /// <summary>A repository of the registry as its publisher manages it; null when it has none of that name.</summary>
    public async Task<ManagedRepository?> FindManagedAsync(long registryKey, string name, CancellationToken cancellationToken) =>
        await FindAsync(registryKey, name, cancellationToken) is { } row ? ManagedRepository.Of(row) : null;

    /// <summary>Every repository of the registry as its publisher manages it, by name.</summary>
    public async Task<List<ManagedRepository>> ListManagedAsync(long registryKey, CancellationToken cancellationToken) =>
        (await db.Repositories.AsNoTracking().Where(r => r.RegistryId == registryKey).OrderBy(r => r.Name).ToListAsync(cancellationToken))
        .Select(ManagedRepository.Of).ToList();

    /// <summary>A registry's repositories by name, after <paramref name="afterName"/>.</summary>
    public Task<List<Repository>> ListAsync(long registryKey, string? afterName, int take, CancellationToken cancellationToken)
    {
        var query = db.Repositories.AsNoTracking().Include(r => r.Registry).Where(r => r.RegistryId == registryKey);
        if (afterName is not null)
        {
            query = query.Where(r => string.Compare(r.Name, afterName) > 0);
        }

        return query.OrderBy(r => r.Name).Take(take).ToListAsync(cancellationToken);
    }

    public async Task<Repository> CreateAsync(long registryKey, string name, RepositoryCatalogInput? catalogInput,
        IReadOnlyList<KeyValuePair<string, string?>> tags, CancellationToken cancellationToken)
    {
        if (!RepositoryName.IsValidName(name, out var error))
        {
            throw new RepositoryRuleException(RepositoryRule.InvalidParameter, error);
        }

        ResourceTagRules.EnsureValid(tags);
        ResourceTagRules.EnsureWithinLimit(tags.Count);
        var registry = await db.Registries.FirstAsync(r => r.Id == registryKey, cancellationToken);
        var fullName = $"{registry.Alias}/{name}";
        if (await db.Repositories.AnyAsync(r => r.FullName == fullName, cancellationToken))
        {
            throw AlreadyExists(name, registry.RegistryId);
        }

        var repository = new Repository { Registry = registry, Name = name, FullName = fullName, CreatedAt = DateTime.UtcNow };
        if (catalogInput is not null)
        {
            await catalog.ApplyAsync(repository, catalogInput, cancellationToken);
        }

        repository.ResourceTags = tags.Select(t => new ResourceTag { Key = t.Key, Value = t.Value! }).ToList();
        db.Repositories.Add(repository);
        db.AddEvent(RegistryEventTypes.RepositoryCreated, fullName, at: repository.CreatedAt);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw AlreadyExists(name, registry.RegistryId);
        }

        db.ChangeTracker.Clear();
        signal.Notify();
        return repository;
    }

    /// <summary>Deletes a repository with its tags, images and blob links; refused while it has images unless forced.</summary>
    public async Task DeleteAsync(long repositoryId, bool force, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var repository = await db.Repositories.AsNoTracking().Where(r => r.Id == repositoryId)
            .Select(r => new { r.Id, r.Name, r.FullName, r.Registry.RegistryId }).FirstOrDefaultAsync(cancellationToken);
        if (repository is null)
        {
            return;
        }

        if (!force && await db.Manifests.AnyAsync(m => m.RepositoryId == repository.Id, cancellationToken))
        {
            throw new RepositoryRuleException(RepositoryRule.RepositoryNotEmpty,
                $"The repository with name '{repository.Name}' in registry with id '{repository.RegistryId}' cannot be deleted because it still contains images");
        }

        await db.Tags.Where(t => t.RepositoryId == repository.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Manifests.Where(m => m.RepositoryId == repository.Id).ExecuteDeleteAsync(cancellationToken);
        await db.RepositoryBlobs.Where(l => l.RepositoryId == repository.Id).ExecuteDeleteAsync(cancellationToken);
        await PublicCounts.RemovingRepositoryAsync(db, repository.Id, cancellationToken);
        await db.Repositories.Where(r => r.Id == repository.Id).ExecuteDeleteAsync(cancellationToken);
        db.AddEvent(RegistryEventTypes.RepositoryDeleted, repository.FullName);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        signal.Notify();
    }

    private static RepositoryRuleException AlreadyExists(string name, string registryId) =>
        new(RepositoryRule.RepositoryAlreadyExists, $"The repository with name '{name}' already exists in the registry with id '{registryId}'");
}
