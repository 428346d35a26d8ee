using Gallery.Microbench.Support;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access;
using Registry.Core.Access.Tokens;

namespace Gallery.Microbench.Access;

/// <summary>What the token benchmarks share: the service name, a docker pull's scope, and the bootstrap publisher as a caller.</summary>
internal static class TokenSamples
{
    public const string Service = "registry.example.com";
    public const string Repository = RegistryServices.Alias + "/web-api";

    public static readonly IReadOnlyList<RegistryScope> PullScope = [new(RegistryScope.RepositoryType, Repository, [RegistryScope.Pull])];

    public static async Task<Caller> CallerAsync(RegistryServices registry)
    {
        await using var scope = registry.Services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<AccessKeyService>().FindActiveAsync(RegistryServices.AccessKeyId, CancellationToken.None)
            ?? throw new InvalidOperationException("the bootstrap access key was not created");
        return await scope.ServiceProvider.GetRequiredService<PublisherService>().FindCallerAsync(key.AccountId, CancellationToken.None)
            ?? throw new InvalidOperationException("the bootstrap publisher was not created");
    }
}
