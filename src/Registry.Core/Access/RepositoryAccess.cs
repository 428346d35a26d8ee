using Microsoft.EntityFrameworkCore;
using Registry.Core.Access.Policies;
using Registry.Core.Data;
using Registry.Core.Oci;

namespace Registry.Core.Access;

/// <summary>
/// Decides whether a caller may do an action on a repository: the owner may unless the repository policy denies it;
/// anyone else only when the policy allows it. A repository that does not exist yet may be acted on only by the owner
/// of its alias (who may then create it).
/// </summary>
public sealed class RepositoryAccess(RegistryDbContext db, ParsedPolicyCache policies)
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

    /// <summary>The repository's ARN, as policies and the ECR Public API name it.</summary>
    public static string RepositoryArn(string registryId, string name) => $"arn:aws:ecr-public::{registryId}:repository/{name}";

    /// <summary>Null when allowed, else why not.</summary>
    private async Task<string?> DecideAsync(Caller caller, RepositoryName repository, string action, CancellationToken cancellationToken)
    {
        var target = await db.Repositories.AsNoTracking()
            .Where(r => r.FullName == repository.FullName)
            .Select(r => new { r.Registry.OwnerId, r.Registry.RegistryId, r.Name, r.PolicyText })
            .FirstOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return repository.Alias == caller.Alias
                ? null
                : $"'{caller.Arn}' is not authorized to perform {action} on '{repository}': the alias '{repository.Alias}' belongs to another publisher";
        }

        var request = new PolicyRequest(caller.RegistryId, caller.Arn, target.OwnerId == caller.AccountId, action, RepositoryArn(target.RegistryId, target.Name));
        var decision = PolicyEvaluator.Evaluate(policies.Get(target.PolicyText), request);
        return decision.IsAllowed ? null : $"'{caller.Arn}' is not authorized to perform {action} on '{repository}': {decision.Reason}";
    }
}
