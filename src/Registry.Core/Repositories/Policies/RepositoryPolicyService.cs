using Microsoft.EntityFrameworkCore;
using Registry.Core.Access.Policies;
using Registry.Core.Data;

namespace Registry.Core.Repositories.Policies;

/// <summary>A repository's policy document: set only when it parses (the message says what is wrong), read, deleted.</summary>
public sealed class RepositoryPolicyService(RegistryDbContext db)
{
    /// <param name="setter">
    /// The one setting it, as the owner: unless <paramref name="force"/> is set, a policy that would deny them
    /// SetRepositoryPolicy (locking them out of changing it back) is refused, as ECR Public does.
    /// </param>
    public async Task SetAsync(long repositoryId, string policyText, PolicyRequest setter, bool force, CancellationToken cancellationToken)
    {
        PolicyDocument policy;
        try
        {
            policy = PolicyParser.Parse(policyText);
        }
        catch (PolicyException e)
        {
            throw new RepositoryRuleException(RepositoryRule.InvalidParameter, $"Invalid parameter at 'PolicyText' failed to satisfy constraint: '{e.Message}'");
        }

        if (!force && PolicyEvaluator.Evaluate(policy, setter with { Action = EcrPublicActions.SetRepositoryPolicy }).Kind == PolicyDecisionKind.DeniedByStatement)
        {
            throw new RepositoryRuleException(RepositoryRule.InvalidParameter,
                "Invalid parameter at 'PolicyText' failed to satisfy constraint: 'the policy would deny you ecr-public:SetRepositoryPolicy on this repository, so you could not change it again; set force to apply it anyway'");
        }

        await db.Repositories.Where(r => r.Id == repositoryId).ExecuteUpdateAsync(r => r.SetProperty(x => x.PolicyText, policyText), cancellationToken);
    }

    public async Task<string> GetAsync(long repositoryId, string repositoryName, string registryId, CancellationToken cancellationToken) =>
        await db.Repositories.AsNoTracking().Where(r => r.Id == repositoryId).Select(r => r.PolicyText).FirstOrDefaultAsync(cancellationToken)
        ?? throw NotFound(repositoryName, registryId);

    /// <summary>Removes the policy and returns the text it had.</summary>
    public async Task<string> DeleteAsync(long repositoryId, string repositoryName, string registryId, CancellationToken cancellationToken)
    {
        var text = await GetAsync(repositoryId, repositoryName, registryId, cancellationToken);
        var removed = await db.Repositories.Where(r => r.Id == repositoryId && r.PolicyText == text)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.PolicyText, (string?)null), cancellationToken);
        return removed == 0 ? throw NotFound(repositoryName, registryId) : text;
    }

    private static RepositoryRuleException NotFound(string repositoryName, string registryId) =>
        new(RepositoryRule.RepositoryPolicyNotFound, $"Repository policy does not exist for the repository with name '{repositoryName}' in the registry with id '{registryId}'");
}
