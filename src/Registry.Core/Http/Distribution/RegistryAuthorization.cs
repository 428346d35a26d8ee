using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Access;
using Registry.Core.Access.Tokens;
using Registry.Core.Events;
using Registry.Core.Oci;
using Registry.Core.Repositories;

namespace Registry.Core.Http.Distribution;

/// <summary>
/// Every /v2/ request carries a bearer token (anonymous ones are free at /token): pulls need <c>pull</c> on the
/// repository, uploads and manifest pushes <c>push</c>, deletes <c>delete</c>. Without a fitting token the answer is
/// 401 with a challenge naming the scope (so clients fetch one), or 403 when a signed-in caller is simply not allowed.
/// Writes are decided again on every request (<see cref="WriteGrantRecheck"/>), not only when the token was issued.
/// </summary>
internal static class RegistryAuthorization
{
    /// <returns>The caller's grant: who they are (null account when anonymous) and what they may do.</returns>
    public static async Task<RegistryGrant> AuthorizeAsync(HttpContext context, DistributionRoute route)
    {
        if (route.Kind is not (RouteKind.Base or RouteKind.Catalog or RouteKind.Unknown))
        {
            // A name that cannot exist is a client error, whoever asks.
            RepositoryService.ParseName(route.Name);
        }

        var (action, scope) = Requirement(context.Request.Method, route);
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            RegistryChallenge.Write(context, scope);
            throw new RegistryException(OciErrorCode.Unauthorized, "authentication required: get a token from the realm in WWW-Authenticate");
        }

        var grant = await ReadGrantAsync(context, header[7..].Trim(), route, action);
        if (grant is null)
        {
            RegistryChallenge.Write(context, scope, "invalid_token");
            throw new RegistryException(OciErrorCode.Unauthorized, "the bearer token is invalid or has expired");
        }

        if (action is null || grant.Allows(RegistryScope.RepositoryType, route.Name, action))
        {
            if (action is RegistryScope.Push or RegistryScope.Delete
                && !await context.RequestServices.GetRequiredService<WriteGrantRecheck>().IsStillAllowedAsync(grant, RepositoryService.ParseName(route.Name), action, context.RequestAborted))
            {
                throw new RegistryException(OciErrorCode.Denied,
                    $"you are no longer allowed to {action} '{route.Name}': the account, its access key or the repository policy changed after the token was issued",
                    new { name = route.Name, action });
            }

            return grant;
        }

        if (grant.AccountId is null)
        {
            RegistryChallenge.Write(context, scope, "insufficient_scope");
            throw new RegistryException(OciErrorCode.Unauthorized, $"authentication required to {action} '{route.Name}'");
        }

        throw new RegistryException(OciErrorCode.Denied, $"you are not allowed to {action} '{route.Name}'", new { name = route.Name, action });
    }

    /// <summary>The action a request needs on its repository (null for the base and catalog endpoints) and the scope a client should ask for.</summary>
    private static (string? Action, string? Scope) Requirement(string method, DistributionRoute route)
    {
        if (route.Kind is RouteKind.Base or RouteKind.Unknown)
        {
            return (null, null);
        }

        if (route.Kind is RouteKind.Catalog)
        {
            return (null, "registry:catalog:*");
        }

        var action = method switch
        {
            "GET" or "HEAD" or "OPTIONS" => RegistryScope.Pull,
            "DELETE" => RegistryScope.Delete,
            _ => RegistryScope.Push,
        };
        var scope = action == RegistryScope.Pull ? $"repository:{route.Name}:pull" : $"repository:{route.Name}:pull,{action}";
        return (action, scope);
    }

    /// <summary>
    /// A registry token, or (as ECR Public allows) the whole base64 GetAuthorizationToken value used directly as
    /// the bearer token; for the latter the grant is worked out for this one request.
    /// </summary>
    private static async Task<RegistryGrant?> ReadGrantAsync(HttpContext context, string token, DistributionRoute route, string? action)
    {
        var services = context.RequestServices;
        if (token.Contains('.'))
        {
            return await services.GetRequiredService<RegistryTokenService>().ValidateRegistryTokenAsync(token, RegistryChallenge.ServiceName(context), context.RequestAborted);
        }

        var password = DecodeAwsToken(token);
        var caller = password is null ? null : await services.GetRequiredService<CredentialVerifier>().VerifyAuthorizationTokenAsync(password, context.RequestAborted);
        if (caller is null)
        {
            return null;
        }

        var requested = action is null ? [] : new List<RegistryScope> { new(RegistryScope.RepositoryType, route.Name, [action]) };
        var granted = await services.GetRequiredService<ScopeGranter>().GrantAsync(caller, requested, context.RequestAborted);
        return new RegistryGrant(caller.AccountId, granted, DateTime.UtcNow.AddMinutes(1)) { Actor = EventActor.NameOf(caller), IsCurrent = true };
    }

    private static string? DecodeAwsToken(string token)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return decoded.StartsWith(CredentialVerifier.AwsUser + ":", StringComparison.Ordinal) ? decoded[4..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
