using Registry.Core.Access;
using Registry.Core.Access.Policies;
using Registry.Core.Data.Entities;
using Registry.Core.Oci;
using Registry.Core.Repositories.CatalogData;
using Registry.Core.Repositories.Management;
using static Registry.Core.Http.EcrPublic.EcrShapes;

namespace Registry.Core.Http.EcrPublic;

/// <summary>CreateRepository, DeleteRepository, DescribeRepositories.</summary>
internal static class RepositoryHandlers
{
    public sealed record CatalogDataInput(string? Description, List<string>? Architectures, List<string>? OperatingSystems,
        byte[]? LogoImageBlob, string? AboutText, string? UsageText)
    {
        public RepositoryCatalogInput ToInput() => new(Description, AboutText, UsageText, Architectures, OperatingSystems, LogoImageBlob);
    }

    private sealed record CreateRequest(string RepositoryName, CatalogDataInput? CatalogData, List<TagShape>? Tags);

    private sealed record DeleteRequest(string? RegistryId, string RepositoryName, bool? Force);

    private sealed record DescribeRequest(string? RegistryId, List<string>? RepositoryNames, string? NextToken, int? MaxResults);

    public static async Task<object> CreateAsync(EcrCall call)
    {
        var request = call.Read<CreateRequest>();
        await call.Service<RepositoryAccess>().AuthorizeAsync(call.Caller, new RepositoryName(call.Caller.Alias, request.RepositoryName), EcrPublicActions.CreateRepository, call.Aborted);
        var tags = (request.Tags ?? []).Select(t => KeyValuePair.Create(t.Key, t.Value)).ToList();
        var management = call.Service<RepositoryManagementService>();
        var repository = await management.CreateAsync(call.Caller.RegistryKey, request.RepositoryName, request.CatalogData?.ToInput(), tags, call.Aborted);
        return new { repository = Repository(call, repository, repository.Registry), catalogData = CatalogData(call, repository) };
    }

    public static async Task<object> DeleteAsync(EcrCall call)
    {
        var request = call.Read<DeleteRequest>();
        var target = await RepositoryTargets.ResolveAsync(call, request.RegistryId, request.RepositoryName, EcrPublicActions.DeleteRepository);
        await call.Service<RepositoryManagementService>().DeleteAsync(target.Repository.Id, request.Force ?? false, call.Aborted);
        return new { repository = Repository(call, target.Repository, target.Registry) };
    }

    public static async Task<object> DescribeAsync(EcrCall call)
    {
        var request = call.Read<DescribeRequest>();
        PageToken.EnsureNotWithList("repositoryNames", request.RepositoryNames, request.NextToken, request.MaxResults);
        if (request.RepositoryNames is { } names)
        {
            var found = new List<RepositoryShape>();
            foreach (var name in names.Distinct())
            {
                var target = await RepositoryTargets.ResolveAsync(call, request.RegistryId, name, EcrPublicActions.DescribeRepositories);
                found.Add(Repository(call, target.Repository, target.Registry));
            }

            return new { repositories = found };
        }

        // A registry id that names no registry lists nothing, as one whose repositories are all hidden does: which ids exist is not told.
        if (await call.Service<RepositoryManagementService>().FindRegistryAsync(request.RegistryId ?? call.Caller.RegistryId, call.Aborted) is not { } registry)
        {
            return new { repositories = Array.Empty<RepositoryShape>() };
        }

        var pageSize = request.MaxResults ?? PageToken.DefaultPageSize;
        var page = await call.Service<RepositoryManagementService>().ListAsync(registry.Id, PageToken.Decode(call.Operation, request.NextToken), pageSize + 1, call.Aborted);
        var more = page.Count > pageSize;
        page = page.Take(pageSize).ToList();
        var visible = new List<RepositoryShape>();
        foreach (var repository in page)
        {
            if (await IsVisibleAsync(call, registry, repository))
            {
                visible.Add(Repository(call, repository, registry));
            }
        }

        return new { repositories = visible, nextToken = more ? PageToken.Encode(call.Operation, page[^1].Name) : null };
    }

    private static async Task<bool> IsVisibleAsync(EcrCall call, PublicRegistry registry, Repository repository) =>
        registry.Id == call.Caller.RegistryKey
        || await call.Service<RepositoryAccess>().IsAllowedAsync(call.Caller, new RepositoryName(registry.Alias, repository.Name), EcrPublicActions.DescribeRepositories, call.Aborted);
}
