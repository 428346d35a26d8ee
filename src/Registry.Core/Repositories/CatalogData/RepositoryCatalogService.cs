using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Events;
using Registry.Core.Oci;
using Registry.Core.Storage;

namespace Registry.Core.Repositories.CatalogData;

/// <summary>Sets a repository's catalog data (validated once, logo kept in the blob store by digest) and records catalog.updated.</summary>
public sealed class RepositoryCatalogService(RegistryDbContext db, IBlobStore store)
{
    /// <summary>Applies the input to a tracked repository without saving (creation applies it in its own transaction).</summary>
    public async Task ApplyAsync(Repository repository, RepositoryCatalogInput input, CancellationToken cancellationToken)
    {
        RepositoryCatalogValidator.EnsureValid(input);
        repository.Description = input.Description is null ? repository.Description : EmptyAsNull(input.Description);
        repository.AboutText = input.AboutText is null ? repository.AboutText : EmptyAsNull(input.AboutText);
        repository.UsageText = input.UsageText is null ? repository.UsageText : EmptyAsNull(input.UsageText);
        repository.Architectures = input.Architectures?.Distinct().ToList() ?? repository.Architectures;
        repository.OperatingSystems = input.OperatingSystems?.Distinct().ToList() ?? repository.OperatingSystems;
        if (input.LogoImage is { } logo)
        {
            var stored = await StoredLogo.PutAsync(store, logo, cancellationToken);
            repository.LogoDigest = stored?.Digest;
            repository.LogoMediaType = stored?.MediaType;
        }

        repository.CatalogUpdatedAt = DateTime.UtcNow;
    }

    /// <summary>Updates the catalog data of an existing repository and returns it as stored.</summary>
    /// <param name="expectedCatalogUpdatedAt">
    /// When given (the console), the save is refused with <see cref="CatalogConflictException"/> if the catalog data
    /// changed since the editor read it, so two tabs never lose a save silently.
    /// </param>
    public async Task<Repository> UpdateAsync(long repositoryId, RepositoryCatalogInput input, CancellationToken cancellationToken,
        DateTime? expectedCatalogUpdatedAt = null, bool checkConcurrency = false)
    {
        var repository = await db.Repositories.FirstAsync(r => r.Id == repositoryId, cancellationToken);
        if (checkConcurrency && repository.CatalogUpdatedAt != expectedCatalogUpdatedAt)
        {
            db.ChangeTracker.Clear();
            throw new CatalogConflictException(repository.FullName, repository.CatalogUpdatedAt);
        }

        await ApplyAsync(repository, input, cancellationToken);
        db.AddEvent(RegistryEventTypes.CatalogUpdated, repository.FullName);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return repository;
    }

    /// <summary>The media type of a logo some repository uses, or null when no repository has that logo.</summary>
    public Task<string?> FindLogoMediaTypeAsync(string digest, CancellationToken cancellationToken) =>
        db.Repositories.AsNoTracking().Where(r => r.LogoDigest == digest).Select(r => r.LogoMediaType).FirstOrDefaultAsync(cancellationToken);

    private static string? EmptyAsNull(string value) => value.Length == 0 ? null : value;
}

/// <summary>The catalog data changed since the editor read it (another tab, the API); nothing was saved.</summary>
public sealed class CatalogConflictException(string repository, DateTime? changedAt)
    : Exception($"The catalog page of {repository} was changed elsewhere (at {changedAt:u}) since you opened it; nothing was saved. Reload to see the other change, then apply yours again.");
