using System.Security.Cryptography;
using System.Text;
using Registry.Core.Access.Tokens;

namespace Registry.Core.Access;

/// <summary>
/// Checks the credentials registry clients send as Basic auth: user <c>AWS</c> with a GetAuthorizationToken
/// password (as on ECR Public), or an access key id with its secret. Either way the key must still be active.
/// </summary>
public sealed class CredentialVerifier(AccessKeyService keys, PublisherService publishers, RegistryTokenService tokens)
{
    public const string AwsUser = "AWS";

    public async Task<Caller?> VerifyAsync(string user, string password, CancellationToken cancellationToken)
    {
        if (user == AwsUser)
        {
            return await VerifyAuthorizationTokenAsync(password, cancellationToken);
        }

        var key = await keys.FindActiveAsync(user, cancellationToken);
        if (key is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key.Secret), Encoding.UTF8.GetBytes(password)))
        {
            return null;
        }

        return await publishers.FindCallerAsync(key.AccountId, cancellationToken) is { } caller ? caller with { AccessKeyId = key.AccessKeyId } : null;
    }

    /// <summary>The caller behind a GetAuthorizationToken password, if it is valid and its access key is still active.</summary>
    public async Task<Caller?> VerifyAuthorizationTokenAsync(string password, CancellationToken cancellationToken)
    {
        var claims = await tokens.ValidateAuthorizationTokenAsync(password, cancellationToken);
        if (claims is null || await keys.FindActiveAsync(claims.AccessKeyId, cancellationToken) is not { } key || key.AccountId != claims.AccountId)
        {
            return null;
        }

        return await publishers.FindCallerAsync(claims.AccountId, cancellationToken) is { } caller ? caller with { AccessKeyId = key.AccessKeyId } : null;
    }

    /// <summary>Splits a Basic authorization header value; null when it is not well-formed Basic.</summary>
    public static (string User, string Password)? ParseBasic(string? header)
    {
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = decoded.IndexOf(':');
            return colon <= 0 ? null : (decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
