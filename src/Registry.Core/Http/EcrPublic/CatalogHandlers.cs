using Registry.Core.Access.Policies;
using Registry.Core.Repositories.CatalogData;
using static Registry.Core.Http.EcrPublic.EcrShapes;

namespace Registry.Core.Http.EcrPublic;

/// <summary>GetRepositoryCatalogData, PutRepositoryCatalogData: what the gallery shows about a repository.</summary>
internal static class CatalogHandlers
{
    private sealed record GetRequest(string? RegistryId, string RepositoryName);

    private sealed record PutRequest(string? RegistryId, string RepositoryName, RepositoryHandlers.CatalogDataInput CatalogData);

    public static async Task<object> GetAsync(EcrCall call)
    {
        var request = call.Read<GetRequest>();
        var target = await RepositoryTargets.ResolveAsync(call, request.RegistryId, request.RepositoryName, EcrPublicActions.GetRepositoryCatalogData);
        return new { catalogData = CatalogData(call, target.Repository) };
    }

    public static async Task<object> PutAsync(EcrCall call)
    {
        var request = call.Read<PutRequest>();
        var target = await RepositoryTargets.ResolveAsync(call, request.RegistryId, request.RepositoryName, EcrPublicActions.PutRepositoryCatalogData);
        var updated = await call.Service<RepositoryCatalogService>().UpdateAsync(target.Repository.Id, request.CatalogData.ToInput(), call.Aborted);
        return new { catalogData = CatalogData(call, updated) };
    }
}
