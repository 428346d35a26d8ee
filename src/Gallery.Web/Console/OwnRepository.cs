using Registry.Core.Access;
using Registry.Core.Oci;
using Registry.Core.Repositories;
using Registry.Core.Repositories.Management;

namespace Gallery.Web.Console;

/// <summary>
/// A repository of the caller's own registry, authorised for an action by the same rules as the ECR Public API
/// (repository policy included). The console never looks a repository up outside the caller's registry, so another
/// publisher's repositories are simply not found.
/// </summary>
public static class OwnRepository
{
    public static async Task<ManagedRepository?> FindAsync(IServiceProvider services, Caller caller, string name, string action, CancellationToken cancellationToken)
    {
        var repository = await services.GetRequiredService<RepositoryManagementService>().FindManagedAsync(caller.RegistryKey, name, cancellationToken);
        if (repository is null)
        {
            return null;
        }

        await services.GetRequiredService<RepositoryAccess>().AuthorizeAsync(caller, new RepositoryName(caller.Alias, name), action, cancellationToken);
        return repository;
    }

    /// <summary>The repository an open console page shows, again, for a change: gone since, it is a rule error to show.</summary>
    public static async Task<ManagedRepository> GetAsync(IServiceProvider services, Caller caller, ManagedRepository shown, string action) =>
        await FindAsync(services, caller, shown.Name, action, CancellationToken.None)
        ?? throw new RepositoryRuleException(RepositoryRule.RepositoryNotFound, $"The repository {shown.FullName} no longer exists.");
}
