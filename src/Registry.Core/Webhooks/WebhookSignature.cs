using System.Security.Cryptography;
using System.Text;

namespace Registry.Core.Webhooks;

/// <summary><c>X-Gallery-Signature-256</c>: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the body, keyed by the webhook's secret.</summary>
public static class WebhookSignature
{
    public const string Header = "X-Gallery-Signature-256";

    public static string Compute(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
