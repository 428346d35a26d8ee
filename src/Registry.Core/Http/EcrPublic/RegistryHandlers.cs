using System.Text;
using Registry.Core.Access;
using Registry.Core.Access.Tokens;

namespace Registry.Core.Http.EcrPublic;

/// <summary>DescribeRegistries, Get/PutRegistryCatalogData and GetAuthorizationToken: the caller's own registry.</summary>
internal static class RegistryHandlers
{
    private sealed record DescribeRequest(string? NextToken, int? MaxResults);

    private sealed record PutCatalogRequest(string? DisplayName);

    public static async Task<object> DescribeAsync(EcrCall call)
    {
        var request = call.Read<DescribeRequest>();
        var onlyPage = PageToken.Decode(call.Operation, request.NextToken) is null;
        var registry = await OwnRegistryAsync(call);
        var registries = onlyPage ? new[] { Registry(call, registry) } : [];
        return new { registries };
    }

    public static async Task<object> GetCatalogDataAsync(EcrCall call)
    {
        var registry = await OwnRegistryAsync(call);
        return new { registryCatalogData = new { displayName = registry.DisplayName } };
    }

    public static async Task<object> PutCatalogDataAsync(EcrCall call)
    {
        var request = call.Read<PutCatalogRequest>();
        await call.Service<RegistrySettingsService>().SetDisplayNameAsync(call.Caller.AccountId, request.DisplayName, call.Aborted);
        var registry = await OwnRegistryAsync(call);
        return new { registryCatalogData = new { displayName = registry.DisplayName } };
    }

    public static async Task<object> GetAuthorizationTokenAsync(EcrCall call)
    {
        var (password, expiresAt) = await call.Service<RegistryTokenService>().IssueAuthorizationTokenAsync(call.Caller, call.AccessKeyId, call.Aborted);
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:" + password));
        return new { authorizationData = new { authorizationToken = token, expiresAt = EcrJson.Epoch(expiresAt) } };
    }

    private static async Task<RegistrySettings> OwnRegistryAsync(EcrCall call) =>
        await call.Service<RegistrySettingsService>().FindAsync(call.Caller.AccountId, call.Aborted)
        ?? throw new EcrPublicException(EcrErrorTypes.RegistryNotFound, "The caller has no registry");

    private static object Registry(EcrCall call, RegistrySettings registry) => new
    {
        registryId = registry.RegistryId,
        registryArn = EcrShapes.RegistryArn(registry.RegistryId),
        registryUri = $"{call.Host}/{registry.Alias}",
        verified = registry.Verified,
        // The default alias keeps working beside a custom one (DefaultAliases), as on ECR Public.
        aliases = registry.Alias == registry.DefaultAlias
            ? new[] { new { name = registry.Alias, status = "ACTIVE", primaryRegistryAlias = true, defaultRegistryAlias = true } }
            : new[]
            {
                new { name = registry.Alias, status = "ACTIVE", primaryRegistryAlias = true, defaultRegistryAlias = false },
                new { name = registry.DefaultAlias, status = "ACTIVE", primaryRegistryAlias = false, defaultRegistryAlias = true },
            },
    };
}
