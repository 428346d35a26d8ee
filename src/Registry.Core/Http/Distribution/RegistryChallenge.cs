using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Registry.Core.Access;
using Registry.Core.Http.Token;

namespace Registry.Core.Http.Distribution;

/// <summary>The Bearer challenge that sends clients to /token, and the service name tokens are bound to.</summary>
internal static class RegistryChallenge
{
    public static string ServiceName(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value.Service is { Length: > 0 } configured
            ? configured
            : context.Request.Host.Value ?? "localhost";

    public static void Write(HttpContext context, string? scope, string? error = null)
    {
        var realm = $"{context.Request.Scheme}://{context.Request.Host}{TokenEndpoint.Path}";
        var challenge = $"Bearer realm=\"{realm}\",service=\"{ServiceName(context)}\"";
        if (scope is not null)
        {
            challenge += $",scope=\"{scope}\"";
        }

        if (error is not null)
        {
            challenge += $",error=\"{error}\"";
        }

        context.Response.Headers.WWWAuthenticate = challenge;
    }
}
