using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Events;
using Registry.Core.Repositories.Public;

namespace Registry.Core.Access;

/// <summary>
/// What administrators do to publishers: list them with their registries, mark a registry verified or not, suspend
/// an account and restore it. A suspended account has no caller (<see cref="PublisherService.FindCallerAsync"/>) and
/// its access keys stop working, so its pushes, deletes and edits are refused everywhere. Each change writes events
/// for the registry's repositories so the gallery's index follows.
/// </summary>
public sealed class AdministrationService(RegistryDbContext db, RegistryEventSignal signal)
{
    public sealed record PublisherSummary(string AccountId, string UserName, string? Email, long RegistryKey, string Alias, string? DisplayName,
        bool Verified, bool Suspended, bool IsAdministrator, int RepositoryCount, DateTime CreatedAt);

    public Task<List<PublisherSummary>> ListPublishersAsync(string? search, CancellationToken cancellationToken)
    {
        var query = db.Registries.AsNoTracking().Where(r => r.Owner != null);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            query = query.Where(r => r.Alias.Contains(term) || r.Owner!.UserName!.ToLower().Contains(term)
                || (r.DisplayName != null && r.DisplayName.ToLower().Contains(term)));
        }

        return query.OrderBy(r => r.Alias)
            .Select(r => new PublisherSummary(r.OwnerId!, r.Owner!.UserName!, r.Owner.Email, r.Id, r.Alias, r.DisplayName, r.Verified,
                r.Owner.Suspended, r.Owner.IsAdministrator, r.Repositories.Count, r.Owner.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task SetVerifiedAsync(long registryKey, bool verified, CancellationToken cancellationToken)
    {
        var registry = await db.Registries.Include(r => r.Repositories).FirstOrDefaultAsync(r => r.Id == registryKey, cancellationToken)
            ?? throw new PublisherException("no such registry");
        registry.Verified = verified;
        Touch(registry.Alias, registry.Repositories.Select(r => r.FullName));
        await SaveAsync(cancellationToken);
    }

    /// <summary>Suspends or restores an account; administrators cannot suspend themselves.</summary>
    public async Task SetSuspendedAsync(string accountId, bool suspended, string actingAccountId, CancellationToken cancellationToken)
    {
        if (suspended && accountId == actingAccountId)
        {
            throw new PublisherException("you cannot suspend your own account");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await db.Users.FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken)
            ?? throw new PublisherException("no such account");
        var changed = account.Suspended != suspended;
        account.Suspended = suspended;
        var registry = await db.Registries.Include(r => r.Repositories).FirstOrDefaultAsync(r => r.OwnerId == accountId, cancellationToken);
        if (registry is not null)
        {
            Touch(registry.Alias, registry.Repositories.Select(r => r.FullName));
        }

        await db.SaveChangesAsync(cancellationToken);
        if (registry is not null && changed)
        {
            await PublicCounts.SuspensionChangedAsync(db, registry.Id, suspended, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        signal.Notify();
    }

    private void Touch(string alias, IEnumerable<string> repositories)
    {
        db.AddEvent(RegistryEventTypes.RegistryUpdated, alias);
        foreach (var repository in repositories)
        {
            db.AddEvent(RegistryEventTypes.CatalogUpdated, repository);
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        signal.Notify();
    }
}
