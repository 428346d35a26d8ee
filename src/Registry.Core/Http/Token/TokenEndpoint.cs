using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Registry.Core.Access;
using Registry.Core.Access.Tokens;
using Registry.Core.Http.Distribution;
using Registry.Core.Oci;

namespace Registry.Core.Http.Token;

/// <summary>
/// The token endpoint of the Docker token protocol (what <c>docker login</c>, skopeo and podman call after a 401):
/// <c>GET /token?service=&amp;scope=</c>, anonymous or with Basic credentials, and the OAuth2 form POST that
/// containerd uses. Answers <c>{"token","access_token","expires_in","issued_at"}</c>.
/// </summary>
public static class TokenEndpoint
{
    public const string Path = "/token";

    public static IEndpointRouteBuilder MapRegistryToken(this IEndpointRouteBuilder app)
    {
        // Routing matches "/token/" too, the realm ECR Public's clients are used to.
        app.MapGet(Path, IssueAsync);
        app.MapPost(Path, IssueFromFormAsync).DisableAntiforgery();
        return app;
    }

    private static async Task IssueAsync(HttpContext context)
    {
        var credentials = CredentialVerifier.ParseBasic(context.Request.Headers.Authorization);
        if (context.Request.Headers.Authorization.Count > 0 && credentials is null)
        {
            await RefuseAsync(context, "the Authorization header must be Basic credentials");
            return;
        }

        await RespondAsync(context, credentials, context.Request.Query["scope"]);
    }

    private static async Task IssueFromFormAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            await OciErrorResponse.WriteAsync(context, OciErrorCode.Unsupported, "POST /token takes an application/x-www-form-urlencoded OAuth2 request");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        (string, string)? credentials = form["grant_type"] == "password" ? (form["username"].ToString(), form["password"].ToString()) : null;
        await RespondAsync(context, credentials, form["scope"]);
    }

    private static async Task RespondAsync(HttpContext context, (string User, string Password)? credentials, StringValues scopes)
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value.MaxScopesPerToken;
        var requested = RegistryScope.ParseAll(scopes, limit);
        if (requested.Count > limit)
        {
            await OciErrorResponse.WriteAsync(context, OciErrorCode.TooManyScopes, $"a token covers at most {limit} scopes; ask for fewer at a time");
            return;
        }

        Caller? caller = null;
        if (credentials is { } basic)
        {
            caller = await context.RequestServices.GetRequiredService<CredentialVerifier>().VerifyAsync(basic.User, basic.Password, context.RequestAborted);
            if (caller is null)
            {
                await RefuseAsync(context, "invalid username or password");
                return;
            }
        }

        var granted = await context.RequestServices.GetRequiredService<ScopeGranter>().GrantAsync(caller, requested, context.RequestAborted);
        var service = RegistryChallenge.ServiceName(context);
        var (token, expires) = await context.RequestServices.GetRequiredService<RegistryTokenService>()
            .IssueRegistryTokenAsync(caller, service, granted, context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(new
        {
            token,
            access_token = token,
            expires_in = (int)(expires - DateTime.UtcNow).TotalSeconds,
            issued_at = DateTime.UtcNow.ToString("O"),
        }, context.RequestAborted);
    }

    private static Task RefuseAsync(HttpContext context, string message)
    {
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"gallery\"";
        return OciErrorResponse.WriteAsync(context, OciErrorCode.Unauthorized, message);
    }
}
