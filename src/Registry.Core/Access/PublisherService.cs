using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Data.Entities;

namespace Registry.Core.Access;

/// <summary>
/// Publishers' accounts: an account (ASP.NET Core Identity) created with the one registry it owns, and the caller an
/// account acts as. The registry's own settings (alias, display name, logo) are <see cref="RegistrySettingsService"/>'s.
/// </summary>
public sealed class PublisherService(RegistryDbContext db, UserManager<Account> users)
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
            await RegistryAliasRules.EnsureAvailableAsync(db, alias, null, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var account = new Account { UserName = request.UserName, Email = request.Email, IsAdministrator = request.IsAdministrator, CreatedAt = DateTime.UtcNow };
        var created = request.Password is null ? await users.CreateAsync(account) : await users.CreateAsync(account, request.Password);
        if (!created.Succeeded)
        {
            throw new PublisherException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var defaultAlias = await RegistryAliasRules.NewDefaultAliasAsync(db, cancellationToken);
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
}

/// <summary>A publisher request that breaks a rule (alias taken or invalid, weak password, ...); the message says which.</summary>
public sealed class PublisherException(string message) : Exception(message);
