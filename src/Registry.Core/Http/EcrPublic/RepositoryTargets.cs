using Registry.Core.Access;
using Registry.Core.Data.Entities;
using Registry.Core.Oci;
using Registry.Core.Repositories;
using Registry.Core.Repositories.Management;

namespace Registry.Core.Http.EcrPublic;

/// <summary>A repository an operation acts on, once found and authorised.</summary>
internal sealed record RepositoryTarget(Repository Repository, PublicRegistry Registry)
{
    public RepositoryName Name => new(Registry.Alias, Repository.Name);
}

/// <summary>
/// Finds the registry (the caller's own unless <c>registryId</c> names another, by id or, where the model allows, by
/// alias), authorises the action with the repository policy, then finds the repository.
/// </summary>
internal static class RepositoryTargets
{
    public static async Task<RepositoryTarget> ResolveAsync(EcrCall call, string? registryId, string repositoryName, string action)
    {
        var registry = await FindRegistryAsync(call, registryId, repositoryName);
        var name = new RepositoryName(registry.Alias, repositoryName);
        await call.Service<RepositoryAccess>().AuthorizeAsync(call.Caller, name, action, call.Aborted);
        var repository = await call.Service<RepositoryManagementService>().FindAsync(registry.Id, repositoryName, call.Aborted)
            ?? throw RepositoryRuleException.NotFound(repositoryName, registry.RegistryId);
        return new RepositoryTarget(repository, registry);
    }

    /// <summary>The push operations (which take an alias too) answer RegistryNotFound for an unknown registry; the others RepositoryNotFound.</summary>
    private static readonly HashSet<string> RegistryNotFoundOperations =
        ["BatchCheckLayerAvailability", "CompleteLayerUpload", "InitiateLayerUpload", "PutImage", "UploadLayerPart"];

    public static async Task<PublicRegistry> FindRegistryAsync(EcrCall call, string? registryIdOrAlias, string repositoryName)
    {
        var management = call.Service<RepositoryManagementService>();
        if (await management.FindRegistryAsync(registryIdOrAlias ?? call.Caller.RegistryId, call.Aborted) is { } registry)
        {
            return registry;
        }

        throw RegistryNotFoundOperations.Contains(call.Operation)
            ? new EcrPublicException(EcrErrorTypes.RegistryNotFound, $"The registry with id or alias '{registryIdOrAlias}' does not exist")
            : RepositoryRuleException.NotFound(repositoryName, registryIdOrAlias!);
    }
}
