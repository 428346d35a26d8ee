using Registry.Core.Access;
using Registry.Core.Access.Policies;
using Registry.Core.Repositories.Policies;

namespace Registry.Core.Http.EcrPublic;

/// <summary>SetRepositoryPolicy, GetRepositoryPolicy, DeleteRepositoryPolicy.</summary>
internal static class PolicyHandlers
{
    private sealed record SetRequest(string? RegistryId, string RepositoryName, string PolicyText, bool? Force);

    private sealed record Request(string? RegistryId, string RepositoryName);

    public static async Task<object> SetAsync(EcrCall call)
    {
        var request = call.Read<SetRequest>();
        var target = await RepositoryTargets.ResolveAsync(call, request.RegistryId, request.RepositoryName, EcrPublicActions.SetRepositoryPolicy);
        var setter = new PolicyRequest(call.Caller.RegistryId, call.Caller.Arn, IsOwner: true, EcrPublicActions.SetRepositoryPolicy,
            RepositoryAccess.RepositoryArn(target.Registry.RegistryId, target.Repository.Name));
        await call.Service<RepositoryPolicyService>().SetAsync(target.Repository.Id, request.PolicyText, setter, request.Force ?? false, call.Aborted);
        return Result(target, request.PolicyText);
    }

    public static async Task<object> GetAsync(EcrCall call)
    {
        var request = call.Read<Request>();
        var target = await RepositoryTargets.ResolveAsync(call, request.RegistryId, request.RepositoryName, EcrPublicActions.GetRepositoryPolicy);
        var text = await call.Service<RepositoryPolicyService>().GetAsync(target.Repository.Id, target.Repository.Name, target.Registry.RegistryId, call.Aborted);
        return Result(target, text);
    }

    public static async Task<object> DeleteAsync(EcrCall call)
    {
        var request = call.Read<Request>();
        var target = await RepositoryTargets.ResolveAsync(call, request.RegistryId, request.RepositoryName, EcrPublicActions.DeleteRepositoryPolicy);
        var text = await call.Service<RepositoryPolicyService>().DeleteAsync(target.Repository.Id, target.Repository.Name, target.Registry.RegistryId, call.Aborted);
        return Result(target, text);
    }

    private static object Result(RepositoryTarget target, string policyText) =>
        new { registryId = target.Registry.RegistryId, repositoryName = target.Repository.Name, policyText };
}
