using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Registry.Core.Access.SigV4;

/// <summary>
/// Verifies AWS Signature Version 4 on a request against the access keys: service <c>ecr-public</c>, any region,
/// <c>X-Amz-Date</c> within 15 minutes of the server clock, signatures compared in constant time. A captured request
/// can be replayed inside that window (as on AWS), never after it.
/// </summary>
public sealed class SigV4Verifier(AccessKeyService keys, TimeProvider time)
{
    public const string Service = "ecr-public";
    public static readonly TimeSpan ClockWindow = TimeSpan.FromMinutes(15);
    private const string TargetHeader = "X-Amz-Target";

    public async Task<AccessKeyService.ActiveKey> VerifyAsync(SignedRequest request, CancellationToken cancellationToken)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            throw new SigV4Exception(SigV4Failure.Missing, "Missing Authentication Token");
        }

        if (!SigV4Authorization.TryParse(header, out var authorization, out var error))
        {
            throw new SigV4Exception(SigV4Failure.Incomplete, error);
        }

        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (!DateTime.TryParseExact(amzDate, SigV4Signature.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            throw new SigV4Exception(SigV4Failure.Incomplete, "Authorization header requires existence of a valid 'X-Amz-Date' header (yyyyMMddTHHmmssZ).");
        }

        CheckScope(authorization, amzDate);
        CheckClock(signedAt, amzDate);
        if (!authorization.SignedHeaders.Contains("host"))
        {
            throw new SigV4Exception(SigV4Failure.InvalidSignature, "'Host' must be a signed header.");
        }

        // The target names the operation and the body only its input: unsigned, a captured GetRepositoryPolicy could be
        // replayed as DeleteRepositoryPolicy with the same body. The AWS SDKs always sign it.
        if (request.Headers.ContainsKey(TargetHeader) && !authorization.SignedHeaders.Contains("x-amz-target"))
        {
            throw new SigV4Exception(SigV4Failure.InvalidSignature, "'X-Amz-Target' must be a signed header.");
        }

        var key = await keys.FindActiveAsync(authorization.AccessKeyId, cancellationToken)
            ?? throw new SigV4Exception(SigV4Failure.UnrecognizedClient, "The security token included in the request is invalid.");
        var payloadHash = SigV4Signature.PayloadHash(request.Body.Span);
        var declaredHash = request.Headers["X-Amz-Content-Sha256"].ToString();
        if (declaredHash.Length > 0 && declaredHash != payloadHash)
        {
            throw new SigV4Exception(SigV4Failure.InvalidSignature, "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }

        var canonicalRequest = SigV4Signature.CanonicalRequest(
            request.Method,
            SigV4Signature.CanonicalUri(request.RawPath),
            SigV4Signature.CanonicalQuery(request.RawQuery),
            authorization.SignedHeaders.Order(StringComparer.Ordinal)
                .Select(name => KeyValuePair.Create(name, SigV4Signature.CanonicalHeaderValue(request.Headers[name])))
                .ToList(),
            payloadHash);
        var signingKey = SigV4Signature.SigningKey(key.Secret, authorization.Date, authorization.Region, authorization.Service);
        var expected = SigV4Signature.Sign(signingKey, SigV4Signature.StringToSign(amzDate, authorization.Scope, canonicalRequest));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization.Signature)))
        {
            throw new SigV4Exception(SigV4Failure.InvalidSignature,
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }

        return key;
    }

    private static void CheckScope(SigV4Authorization authorization, string amzDate)
    {
        if (authorization.Service != Service)
        {
            throw new SigV4Exception(SigV4Failure.InvalidSignature, $"Credential should be scoped to correct service: '{Service}'.");
        }

        if (!amzDate.StartsWith(authorization.Date, StringComparison.Ordinal))
        {
            throw new SigV4Exception(SigV4Failure.InvalidSignature,
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{authorization.Date}' != '{amzDate[..8]}'.");
        }
    }

    private void CheckClock(DateTime signedAt, string amzDate)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (signedAt < now - ClockWindow)
        {
            throw new SigV4Exception(SigV4Failure.InvalidSignature,
                $"Signature expired: {amzDate} is now earlier than {(now - ClockWindow).ToString(SigV4Signature.DateFormat, CultureInfo.InvariantCulture)} ({now.ToString(SigV4Signature.DateFormat, CultureInfo.InvariantCulture)} - 15 min.)");
        }

        if (signedAt > now + ClockWindow)
        {
            throw new SigV4Exception(SigV4Failure.InvalidSignature,
                $"Signature not yet current: {amzDate} is still later than {(now + ClockWindow).ToString(SigV4Signature.DateFormat, CultureInfo.InvariantCulture)} ({now.ToString(SigV4Signature.DateFormat, CultureInfo.InvariantCulture)} + 15 min.)");
        }
    }
}
