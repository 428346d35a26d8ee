using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Cluster;
using Registry.Core.Data;
using Registry.Core.Data.Entities;
using Registry.Core.Events;
using Registry.Core.Oci;
using Registry.Core.Repositories.CatalogData;
using Registry.Core.Storage;

namespace Registry.Core.Access;

/// <summary>Publishers: an account (ASP.NET Core Identity) with the one registry it owns, its alias, display name and logo.</summary>
public sealed class PublisherService(RegistryDbContext db, UserManager<Account> users, IBlobStore store, RegistryEventSignal signal, DefaultAliases defaultAliases)
{
    private const int MaxAccountFieldLength = 256;

    public sealed record NewPublisher(string UserName, string? Email, string? Password, string? Alias, string? DisplayName, bool IsAdministrator = false);

    /// <summary>
    /// Creates the account and its registry (with a random default alias, or the requested one when it is free), in
    /// one transaction: an account is never left without its registry.
    /// </summary>
    public async Task<Caller> CreateAsync(NewPublisher request, CancellationToken cancellationToken)
    {
        // The Identity columns hold 256 characters; PostgreSQL would refuse more only when saving.
        if (request.UserName.Length > MaxAccountFieldLength || request.Email?.Length > MaxAccountFieldLength)
        {
            throw new PublisherException($"the user name and the email address are at most {MaxAccountFieldLength} characters");
        }

        if (request.Alias is { } alias)
        {
            EnsureAliasAvailable(alias, await AliasTakenAsync(alias, null, cancellationToken));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var account = new Account { UserName = request.UserName, Email = request.Email, IsAdministrator = request.IsAdministrator, CreatedAt = DateTime.UtcNow };
        var created = request.Password is null ? await users.CreateAsync(account) : await users.CreateAsync(account, request.Password);
        if (!created.Succeeded)
        {
            throw new PublisherException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var defaultAlias = await NewDefaultAliasAsync(cancellationToken);
        var registry = new PublicRegistry
        {
            RegistryId = RegistryIdentifiers.NewRegistryId(),
            Alias = request.Alias ?? defaultAlias,
            DefaultAlias = defaultAlias,
            OwnerId = account.Id,
            DisplayName = request.DisplayName,
            CreatedAt = DateTime.UtcNow,
        };
        db.Registries.Add(registry);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new Caller(account.Id, registry.Id, registry.RegistryId, registry.Alias, account.IsAdministrator, account.UserName!);
    }

    /// <summary>The caller for an account: its registry, or null when the account is unknown or suspended.</summary>
    public Task<Caller?> FindCallerAsync(string accountId, CancellationToken cancellationToken) =>
        db.Registries.AsNoTracking()
            .Where(r => r.OwnerId == accountId && !r.Owner!.Suspended)
            .Select(r => new Caller(r.OwnerId!, r.Id, r.RegistryId, r.Alias, r.Owner!.IsAdministrator, r.Owner.UserName!))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<PublicRegistry?> FindRegistryAsync(string accountId, CancellationToken cancellationToken) =>
        db.Registries.AsNoTracking().FirstOrDefaultAsync(r => r.OwnerId == accountId, cancellationToken);

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

        EnsureAliasAvailable(alias, await AliasTakenAsync(alias, registry.Id, cancellationToken));
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
        signal.Notify();
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
            EnsureAliasAvailable(alias, await AliasTakenAsync(alias, exceptRegistry, cancellationToken));
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
        signal.Notify();
    }

    private Task<bool> AliasTakenAsync(string alias, long? exceptRegistry, CancellationToken cancellationToken) =>
        db.Registries.AnyAsync(r => (r.Alias == alias || r.DefaultAlias == alias) && r.Id != exceptRegistry, cancellationToken);

    private static void EnsureAliasAvailable(string alias, bool taken)
    {
        if (!RepositoryName.IsValidAlias(alias, out var error))
        {
            throw new PublisherException(error);
        }

        if (ReservedAliases.IsReserved(alias))
        {
            throw new PublisherException($"registry alias '{alias}' is reserved");
        }

        if (taken)
        {
            throw new PublisherException($"registry alias '{alias}' is already taken");
        }
    }

    private async Task<string> NewDefaultAliasAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var alias = RegistryIdentifiers.NewDefaultAlias();
            if (!await AliasTakenAsync(alias, null, cancellationToken))
            {
                return alias;
            }
        }
    }
}

/// <summary>A publisher request that breaks a rule (alias taken or invalid, weak password, ...); the message says which.</summary>
public sealed class PublisherException(string message) : Exception(message);
