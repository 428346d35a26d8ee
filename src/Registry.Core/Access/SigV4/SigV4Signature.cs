using System.Security.Cryptography;
using System.Text;

namespace Registry.Core.Access.SigV4;

/// <summary>
/// AWS Signature Version 4, the pieces both sides compute: canonical request, string to sign, signing key and
/// signature (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html).
/// </summary>
public static class SigV4Signature
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string Terminator = "aws4_request";
    public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The canonical request; <paramref name="headers"/> are lower-case names with their canonical values, sorted by name.</summary>
    public static string CanonicalRequest(string method, string canonicalUri, string canonicalQuery, IReadOnlyList<KeyValuePair<string, string>> headers, string payloadHash)
    {
        var builder = new StringBuilder();
        builder.Append(method).Append('\n').Append(canonicalUri).Append('\n').Append(canonicalQuery).Append('\n');
        foreach (var (name, value) in headers)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('\n').Append(string.Join(';', headers.Select(h => h.Key))).Append('\n').Append(payloadHash);
        return builder.ToString();
    }

    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

    public static byte[] SigningKey(string secret, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Terminator));
    }

    public static string Sign(byte[] signingKey, string stringToSign) => Hex(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));

    public static string PayloadHash(ReadOnlySpan<byte> body) => Hex(SHA256.HashData(body));

    /// <summary>
    /// The canonical URI of a path as sent (still percent-encoded): dot segments and empty segments removed, then
    /// every byte outside the unreserved set encoded again, as AWS does for every service but S3.
    /// </summary>
    public static string CanonicalUri(string rawPath)
    {
        var segments = new List<string>();
        foreach (var segment in rawPath.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(Encode(segment));
        }

        var path = "/" + string.Join('/', segments);
        return rawPath.EndsWith('/') && segments.Count > 0 ? path + "/" : path;
    }

    /// <summary>The canonical query string: each name and value decoded and re-encoded strictly, sorted by name then value.</summary>
    public static string CanonicalQuery(string rawQuery)
    {
        var query = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        if (query.Length == 0)
        {
            return "";
        }

        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part =>
            {
                var equals = part.IndexOf('=');
                var name = equals < 0 ? part : part[..equals];
                var value = equals < 0 ? "" : part[(equals + 1)..];
                return (Name: Encode(Uri.UnescapeDataString(name)), Value: Encode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }

    /// <summary>A header's canonical value: its values joined by commas, each trimmed with inner runs of spaces collapsed.</summary>
    public static string CanonicalHeaderValue(IEnumerable<string?> values) =>
        string.Join(',', values.Select(v => CollapseSpaces((v ?? "").Trim())));

    /// <summary>RFC 3986 encoding: unreserved characters stay, every other UTF-8 byte becomes %XX (upper case).</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2"));
            }
        }

        return builder.ToString();
    }

    private static string CollapseSpaces(string value)
    {
        if (!value.Contains("  ", StringComparison.Ordinal))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c != ' ' || builder.Length == 0 || builder[^1] != ' ')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
