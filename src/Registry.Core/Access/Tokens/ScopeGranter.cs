using Registry.Core.Access.Policies;
using Registry.Core.Oci;

namespace Registry.Core.Access.Tokens;

/// <summary>
/// Decides which of the requested scopes a token gets: pull on any repository (everything here is public),
/// push and delete only where the caller is allowed, the catalog for everyone. Scopes not granted are left out,
/// as the token protocol expects; the registry then refuses the request that needed them. A name under a registry's
/// default alias is granted under its primary alias, the name the registry works with.
/// </summary>
public sealed class ScopeGranter(RepositoryAccess access, DefaultAliases defaultAliases)
{
    public async Task<List<RegistryScope>> GrantAsync(Caller? caller, IReadOnlyList<RegistryScope> requested, CancellationToken cancellationToken)
    {
        var granted = new List<RegistryScope>();
        foreach (var scope in requested)
        {
            if (scope is { Type: "registry", Name: "catalog" })
            {
                granted.Add(scope with { Actions = ["*"] });
                continue;
            }

            if (scope.Type != RegistryScope.RepositoryType
                || !RepositoryName.TryParse(await defaultAliases.CanonicalNameAsync(scope.Name, cancellationToken), out var name, out _))
            {
                continue;
            }

            var actions = new List<string>();
            if (scope.Allows(RegistryScope.Pull))
            {
                actions.Add(RegistryScope.Pull);
            }

            if (caller is not null && scope.Allows(RegistryScope.Push) && await access.IsAllowedAsync(caller, name, PolicyActionFor(RegistryScope.Push), cancellationToken))
            {
                actions.Add(RegistryScope.Push);
            }

            if (caller is not null && scope.Allows(RegistryScope.Delete) && await access.IsAllowedAsync(caller, name, PolicyActionFor(RegistryScope.Delete), cancellationToken))
            {
                actions.Add(RegistryScope.Delete);
            }

            if (actions.Count > 0)
            {
                granted.Add(scope with { Name = name.FullName, Actions = actions });
            }
        }

        return granted;
    }

    /// <summary>The repository policy action that decides a token action: push is PutImage, delete is BatchDeleteImage.</summary>
    public static string PolicyActionFor(string tokenAction) => tokenAction switch
    {
        RegistryScope.Push => EcrPublicActions.PutImage,
        RegistryScope.Delete => EcrPublicActions.BatchDeleteImage,
        _ => throw new ArgumentOutOfRangeException(nameof(tokenAction), tokenAction, "only push and delete are decided by policy"),
    };
}
