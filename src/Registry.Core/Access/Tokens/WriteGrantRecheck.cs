using Registry.Core.Oci;

namespace Registry.Core.Access.Tokens;

/// <summary>
/// A bearer token's push and delete were decided when it was issued, and the token lives for
/// <see cref="AccessOptions.RegistryTokenLifetime"/>. Writes ask again on every request, so that suspending the
/// account, revoking the access key the token came from, or removing the policy statement that granted the write stops
/// it at once rather than when the token expires. Pulls need nothing re-checked: anyone may pull.
/// </summary>
public sealed class WriteGrantRecheck(AccessKeyService keys, PublisherService publishers, RepositoryAccess access)
{
    /// <param name="action">The token action the request needs: push or delete.</param>
    public async Task<bool> IsStillAllowedAsync(RegistryGrant grant, RepositoryName repository, string action, CancellationToken cancellationToken)
    {
        if (grant.IsCurrent)
        {
            return true;
        }

        if (grant.AccountId is not { } accountId
            || (grant.AccessKeyId is { } accessKeyId && !await keys.IsActiveAsync(accessKeyId, accountId, cancellationToken))
            || await publishers.FindCallerAsync(accountId, cancellationToken) is not { } caller)
        {
            return false;
        }

        return await access.IsAllowedAsync(caller, repository, ScopeGranter.PolicyActionFor(action), cancellationToken);
    }
}
