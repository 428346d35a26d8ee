using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Registry.Core.Http.Distribution;

namespace Gallery.Testing;

/// <summary>
/// Does what docker and skopeo do before a /v2/ request: gets a bearer token for the request's repository from
/// /token (with Basic credentials, or anonymously) and attaches it. Tokens are cached per scope. Requests that
/// already carry an Authorization header are sent as they are. Redirects are followed unless
/// <paramref name="followRedirects"/> is false (to see a blob GET's 307 itself).
/// </summary>
public sealed class RegistryTokenHandler(string? credentials, bool followRedirects = true)
    : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = followRedirects })
{
    private readonly ConcurrentDictionary<string, (string Token, DateTime Expires)> _tokens = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (request.Headers.Authorization is null && path.StartsWith("/v2", StringComparison.Ordinal))
        {
            var token = await TokenAsync(request.RequestUri, ScopeFor(request.RequestUri), cancellationToken);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private static string ScopeFor(Uri uri)
    {
        var rest = uri.AbsolutePath.Length > 4 ? uri.AbsolutePath[4..] : "";
        var route = DistributionRoute.Parse(rest);
        return route.Kind switch
        {
            RouteKind.Base or RouteKind.Unknown => "",
            RouteKind.Catalog => "registry:catalog:*",
            _ => $"repository:{Uri.UnescapeDataString(route.Name)}:pull,push,delete",
        };
    }

    private async Task<string> TokenAsync(Uri uri, string scope, CancellationToken cancellationToken)
    {
        if (_tokens.TryGetValue(scope, out var cached) && cached.Expires > DateTime.UtcNow)
        {
            return cached.Token;
        }

        var tokenUri = new Uri(uri, $"/token?service={Uri.EscapeDataString(uri.Authority)}&scope={Uri.EscapeDataString(scope)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, tokenUri);
        if (credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }

        using var response = await base.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        _tokens[scope] = (body!.Token, DateTime.UtcNow.AddMinutes(5));
        return body.Token;
    }

    private sealed record TokenResponse(string Token);
}
