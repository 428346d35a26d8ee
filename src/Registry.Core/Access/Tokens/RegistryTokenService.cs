using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Registry.Core.Events;

namespace Registry.Core.Access.Tokens;

/// <summary>
/// Issues and verifies the registry's two kinds of token, both signed JWTs: short-lived bearer tokens for /v2/
/// (what /token hands out) and the 12-hour authorization tokens of GetAuthorizationToken (the password behind
/// <c>AWS:</c>). Verified tokens are cached until they expire, so a pull pays for verification once per token.
/// </summary>
public sealed class RegistryTokenService(TokenSigningKeys keys, IOptions<AccessOptions> options) : IDisposable
{
    private const string Issuer = "gallery";
    private const string AuthorizationAudience = "gallery:authorization";
    private const string AccessClaim = "access";
    private const string AccessKeyClaim = "akid";
    private const string ActorClaim = "act_name";
    private const string Anonymous = "anonymous";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly MemoryCache _verified = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public sealed record AuthorizationClaims(string AccountId, string AccessKeyId);

    /// <param name="caller">Who the token is for; null for an anonymous (pull-only) token.</param>
    public async Task<(string Token, DateTime ExpiresAt)> IssueRegistryTokenAsync(Caller? caller, string service, IReadOnlyList<RegistryScope> access, CancellationToken cancellationToken)
    {
        var expires = DateTime.UtcNow + options.Value.RegistryTokenLifetime;
        var claims = new Dictionary<string, object>
        {
            [AccessClaim] = access.Select(a => new Dictionary<string, object> { ["type"] = a.Type, ["name"] = a.Name, ["actions"] = a.Actions.ToArray() }).ToArray(),
        };
        if (caller is not null)
        {
            claims[ActorClaim] = EventActor.NameOf(caller);
            if (caller.AccessKeyId is { } accessKeyId)
            {
                claims[AccessKeyClaim] = accessKeyId;
            }
        }

        var token = await SignAsync(caller?.AccountId ?? Anonymous, service, expires, claims, cancellationToken);
        return (token, expires);
    }

    /// <summary>The grant of a bearer token issued for <paramref name="service"/>, or null when it is not valid (tampered, expired, other service).</summary>
    public async Task<RegistryGrant?> ValidateRegistryTokenAsync(string token, string service, CancellationToken cancellationToken)
    {
        var cacheKey = ("registry", service, token);
        if (_verified.TryGetValue(cacheKey, out RegistryGrant? cached))
        {
            return cached!.ExpiresAt > DateTime.UtcNow ? cached : null;
        }

        var identity = await ValidateAsync(token, service, cancellationToken);
        if (identity is null)
        {
            return null;
        }

        var subject = identity.Subject;
        var grant = new RegistryGrant(subject == Anonymous ? null : subject, ReadAccess(identity), identity.ValidTo)
        {
            Actor = identity.TryGetPayloadValue<string>(ActorClaim, out var actor) ? actor : null,
            AccessKeyId = identity.TryGetPayloadValue<string>(AccessKeyClaim, out var accessKeyId) ? accessKeyId : null,
        };
        _verified.Set(cacheKey, grant, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = identity.ValidTo });
        return grant;
    }

    /// <summary>GetAuthorizationToken's token: the password clients send as Basic <c>AWS:&lt;password&gt;</c>.</summary>
    public async Task<(string Password, DateTime ExpiresAt)> IssueAuthorizationTokenAsync(Caller caller, string accessKeyId, CancellationToken cancellationToken)
    {
        var expires = DateTime.UtcNow + options.Value.AuthorizationTokenLifetime;
        var token = await SignAsync(caller.AccountId, AuthorizationAudience, expires, new Dictionary<string, object> { [AccessKeyClaim] = accessKeyId }, cancellationToken);
        return (token, expires);
    }

    public async Task<AuthorizationClaims?> ValidateAuthorizationTokenAsync(string password, CancellationToken cancellationToken)
    {
        var identity = await ValidateAsync(password, AuthorizationAudience, cancellationToken);
        return identity is not null && identity.TryGetPayloadValue<string>(AccessKeyClaim, out var accessKeyId)
            ? new AuthorizationClaims(identity.Subject, accessKeyId)
            : null;
    }

    private async Task<string> SignAsync(string subject, string audience, DateTime expires, Dictionary<string, object> claims, CancellationToken cancellationToken)
    {
        var key = await keys.CurrentAsync(cancellationToken);
        var now = DateTime.UtcNow;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, subject), new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N"))]),
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    private async Task<JsonWebToken?> ValidateAsync(string token, string audience, CancellationToken cancellationToken)
    {
        if (token.Length > 8192 || !_handler.CanReadToken(token))
        {
            return null;
        }

        string? keyId;
        try
        {
            keyId = _handler.ReadJsonWebToken(token).Kid;
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException)
        {
            // Three dot-separated parts that are not a JWT.
            return null;
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = await keys.ForValidationAsync(keyId, cancellationToken),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TokenSigningKeys.ClockSkew,
            RequireExpirationTime = true,
        });
        return result.IsValid ? (JsonWebToken)result.SecurityToken : null;
    }

    private static List<RegistryScope> ReadAccess(JsonWebToken token)
    {
        if (!token.TryGetPayloadValue<JsonElement>(AccessClaim, out var access) || access.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return access.EnumerateArray()
            .Select(a => new RegistryScope(
                a.GetProperty("type").GetString() ?? "",
                a.GetProperty("name").GetString() ?? "",
                a.GetProperty("actions").EnumerateArray().Select(x => x.GetString() ?? "").ToList()))
            .ToList();
    }

    public void Dispose() => _verified.Dispose();
}
