using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Core.Oci;

namespace Registry.Core.Access;

/// <summary>
/// Decides whether a caller may do an action on a repository: the owner may unless the repository policy denies it;
/// anyone else only when the policy allows it. A repository that does not exist yet may be acted on only by the owner
/// of its alias (who may then create it).
/// </summary>
public sealed class RepositoryAccess(RegistryDbContext db)
{
    public async Task AuthorizeAsync(Caller caller, RepositoryName repository, string action, CancellationToken cancellationToken)
    {
        if (await DecideAsync(caller, repository, action, cancellationToken) is { } refusal)
        {
            throw new AccessDeniedException(refusal);
        }
    }

    public async Task<bool> IsAllowedAsync(Caller caller, RepositoryName repository, string action, CancellationToken cancellationToken) =>
        await DecideAsync(caller, repository, action, cancellationToken) is null;

    /// <summary>Null when allowed, else why not.</summary>
    private async Task<string?> DecideAsync(Caller caller, RepositoryName repository, string action, CancellationToken cancellationToken)
    {
        var target = await db.Repositories.AsNoTracking()
            .Where(r => r.FullName == repository.FullName)
            .Select(r => new { r.Registry.OwnerId, r.PolicyText })
            .FirstOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return repository.Alias == caller.Alias
                ? null
                : $"'{caller.Arn}' is not authorized to perform {action} on '{repository}': the alias '{repository.Alias}' belongs to another publisher";
        }

        var isOwner = target.OwnerId == caller.AccountId;
        return isOwner ? null : $"'{caller.Arn}' is not authorized to perform {action} on '{repository}'";
    }
}
