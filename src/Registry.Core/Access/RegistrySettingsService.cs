using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Cluster;
using Registry.Core.Events;
using Registry.Core.Repositories.CatalogData;
using Registry.Core.Storage;

namespace Registry.Core.Access;

/// <summary>
/// A publisher's registry as its owner sees and sets it. <paramref name="RegistryKey"/> is the database key,
/// <paramref name="RegistryId"/> the 12-digit id ECR Public shows.
/// </summary>
public sealed record RegistrySettings(
    long RegistryKey,
    string RegistryId,
    string Alias,
    string DefaultAlias,
    string? DisplayName,
    bool Verified,
    string? LogoDigest,
    string? LogoMediaType,
    bool CreateOnPush);

/// <summary>
/// The settings of the registry an account owns: its alias, display name, logo and whether pushes create
/// repositories. Each change the gallery shows writes the registry.updated event.
/// </summary>
public sealed class RegistrySettingsService(RegistryDbContext db, IBlobStore store, DefaultAliases defaultAliases)
{
    /// <summary>The account's registry; null when the account has none.</summary>
    public Task<RegistrySettings?> FindAsync(string accountId, CancellationToken cancellationToken) =>
        db.Registries.AsNoTracking().Where(r => r.OwnerId == accountId)
            .Select(r => new RegistrySettings(r.Id, r.RegistryId, r.Alias, r.DefaultAlias, r.DisplayName, r.Verified, r.LogoDigest, r.LogoMediaType, r.CreateOnPush))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Moves the registry to a free custom alias (or back to its default one). Repository names change with it; names
    /// under the default alias keep working (<see cref="DefaultAliases"/>), those under a previous custom alias stop.
    /// </summary>
    public async Task ChangeAliasAsync(string accountId, string alias, CancellationToken cancellationToken)
    {
        var registry = await db.Registries.Include(r => r.Repositories).FirstOrDefaultAsync(r => r.OwnerId == accountId, cancellationToken)
            ?? throw new PublisherException("this account has no registry");
        if (registry.Alias == alias)
        {
            return;
        }

        await RegistryAliasRules.EnsureAvailableAsync(db, alias, registry.Id, cancellationToken);
        var oldAlias = registry.Alias;
        registry.Alias = alias;
        foreach (var repository in registry.Repositories)
        {
            repository.FullName = $"{alias}/{repository.Name}";
            db.AddEvent(RegistryEventTypes.RepositoryDeleted, $"{oldAlias}/{repository.Name}");
            db.AddEvent(RegistryEventTypes.RepositoryCreated, repository.FullName);
        }

        db.AddEvent(RegistryEventTypes.RegistryUpdated, alias);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        defaultAliases.Invalidate();
        await CacheNotices.PublishAsync(db, CacheNotices.Aliases, cancellationToken);
    }

    public async Task SetDisplayNameAsync(string accountId, string? displayName, CancellationToken cancellationToken)
    {
        if (displayName is { Length: > 100 })
        {
            throw new PublisherException("the display name is at most 100 characters");
        }

        var registry = await EditableRegistryAsync(accountId, cancellationToken);
        registry.DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
        await SaveRegistryUpdateAsync(registry, cancellationToken);
    }

    /// <summary>
    /// Sets the registry's logo, under the rule repository logos follow (<see cref="LogoImageFormat"/>: PNG or JPEG by
    /// content, at most 512000 bytes), or removes it when <paramref name="logo"/> is null or empty. The bytes are kept
    /// in the blob store by digest; a refused logo changes nothing.
    /// </summary>
    public async Task SetLogoAsync(string accountId, byte[]? logo, CancellationToken cancellationToken)
    {
        var image = logo is { Length: > 0 } ? logo : null;
        if (image is not null && LogoImageFormat.Problem(image, "the logo") is { } problem)
        {
            throw new PublisherException(problem);
        }

        var registry = await EditableRegistryAsync(accountId, cancellationToken);
        var stored = await StoredLogo.PutAsync(store, image ?? [], cancellationToken);
        registry.LogoDigest = stored?.Digest;
        registry.LogoMediaType = stored?.MediaType;
        await SaveRegistryUpdateAsync(registry, cancellationToken);
    }

    /// <summary>The media type of a logo some registry uses, or null when no registry has that logo.</summary>
    public Task<string?> FindLogoMediaTypeAsync(string digest, CancellationToken cancellationToken) =>
        db.Registries.AsNoTracking().Where(r => r.LogoDigest == digest).Select(r => r.LogoMediaType).FirstOrDefaultAsync(cancellationToken);

    public async Task SetCreateOnPushAsync(string accountId, bool enabled, CancellationToken cancellationToken) =>
        await db.Registries.Where(r => r.OwnerId == accountId)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.CreateOnPush, enabled), cancellationToken);

    /// <summary>Whether an alias is valid, not reserved and free (ignoring the registry that already has it).</summary>
    public async Task<string?> AliasProblemAsync(string alias, long? exceptRegistry, CancellationToken cancellationToken)
    {
        try
        {
            await RegistryAliasRules.EnsureAvailableAsync(db, alias, exceptRegistry, cancellationToken);
            return null;
        }
        catch (PublisherException e)
        {
            return e.Message;
        }
    }

    /// <summary>The account's registry, tracked for an edit; refused when there is none or the account is suspended.</summary>
    private async Task<PublicRegistry> EditableRegistryAsync(string accountId, CancellationToken cancellationToken)
    {
        var registry = await db.Registries.Include(r => r.Owner).FirstOrDefaultAsync(r => r.OwnerId == accountId, cancellationToken)
            ?? throw new PublisherException("this account has no registry");
        if (registry.Owner is { Suspended: true })
        {
            db.ChangeTracker.Clear();
            throw new PublisherException("this account is suspended; it can change nothing until an administrator restores it");
        }

        return registry;
    }

    /// <summary>Saves a registry edit with the registry.updated event that makes the gallery show it.</summary>
    private async Task SaveRegistryUpdateAsync(PublicRegistry registry, CancellationToken cancellationToken)
    {
        db.AddEvent(RegistryEventTypes.RegistryUpdated, registry.Alias);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
