using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Gallery.Bench.Oci;

/// <summary>
/// The Docker token protocol as registry clients speak it: after a 401 with a <c>Bearer realm=...</c> challenge, GET
/// the realm with the challenge's service and scope (with Basic credentials when we have them) and keep the token per
/// repository. A registry that never challenges (Distribution as the harness runs it) never gets here.
/// </summary>
public sealed partial class TokenAuthenticator(HttpClient http, (string User, string Password)? credentials)
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    /// <summary>"Bearer ..." for a repository we hold a token for, else null.</summary>
    public string? AuthorizationFor(string repository) => _tokens.TryGetValue(repository, out var token) ? $"Bearer {token}" : null;

    /// <summary>True when the response was a Bearer challenge and a token for it is now held (the caller retries).</summary>
    public async Task<bool> TryAnswerChallengeAsync(string repository, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var challenge = response.Headers.WwwAuthenticate.FirstOrDefault(h => h.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase));
        if (response.StatusCode != System.Net.HttpStatusCode.Unauthorized || challenge?.Parameter is null)
        {
            return false;
        }

        var parameters = Parameter().Matches(challenge.Parameter).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        if (!parameters.TryGetValue("realm", out var realm) || !Uri.TryCreate(realm, UriKind.Absolute, out var realmUri) || !realmUri.IsLoopback)
        {
            throw new BenchException($"unusable token challenge: {challenge}");
        }

        var query = string.Join('&', new[] { "service", "scope" }
            .Where(parameters.ContainsKey)
            .Select(k => $"{k}={Uri.EscapeDataString(parameters[k])}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{realmUri.GetLeftPart(UriPartial.Path)}?{query}");
        if (credentials is { } basic)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{basic.User}:{basic.Password}")));
        }

        using var answer = await http.SendAsync(request, cancellationToken);
        var body = await answer.Content.ReadAsStringAsync(cancellationToken);
        if (!answer.IsSuccessStatusCode)
        {
            throw new BenchException($"GET {request.RequestUri} answered {(int)answer.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
        }

        using var json = JsonDocument.Parse(body);
        _tokens[repository] = json.RootElement.GetProperty("token").GetString() ?? throw new BenchException($"no token from {realm}");
        return true;
    }

    [GeneratedRegex("""(\w+)="([^"]*)"?""")]
    private static partial Regex Parameter();
}
