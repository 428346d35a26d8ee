using System.Diagnostics.CodeAnalysis;

namespace Registry.Core.Access.SigV4;

/// <summary>
/// The parts of an <c>Authorization: AWS4-HMAC-SHA256 Credential=&lt;key&gt;/&lt;date&gt;/&lt;region&gt;/&lt;service&gt;/aws4_request,
/// SignedHeaders=a;b, Signature=&lt;hex&gt;</c> header.
/// </summary>
public sealed record SigV4Authorization(string AccessKeyId, string Date, string Region, string Service, IReadOnlyList<string> SignedHeaders, string Signature)
{
    public string Scope => $"{Date}/{Region}/{Service}/{SigV4Signature.Terminator}";

    public static bool TryParse(string header, [NotNullWhen(true)] out SigV4Authorization? authorization, [NotNullWhen(false)] out string? error)
    {
        authorization = null;
        if (!header.StartsWith(SigV4Signature.Algorithm + " ", StringComparison.Ordinal))
        {
            error = $"Authorization header must use the {SigV4Signature.Algorithm} algorithm.";
            return false;
        }

        var parameters = header[(SigV4Signature.Algorithm.Length + 1)..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
        foreach (var required in new[] { "Credential", "SignedHeaders", "Signature" })
        {
            if (!parameters.ContainsKey(required))
            {
                error = $"Authorization header requires '{required}' parameter.";
                return false;
            }
        }

        var credential = parameters["Credential"].Split('/');
        if (credential.Length != 5 || credential.Any(string.IsNullOrEmpty) || credential[4] != SigV4Signature.Terminator || credential[1].Length != 8 || !credential[1].All(char.IsAsciiDigit))
        {
            error = "Credential must have the form <access key id>/<yyyyMMdd>/<region>/<service>/aws4_request.";
            return false;
        }

        var signedHeaders = parameters["SignedHeaders"].Split(';');
        if (signedHeaders.Any(h => h.Length == 0 || h != h.ToLowerInvariant()))
        {
            error = "SignedHeaders must be a ';'-separated list of lower-case header names.";
            return false;
        }

        var signature = parameters["Signature"];
        if (signature.Length != 64 || !signature.All(char.IsAsciiHexDigitLower))
        {
            error = "Signature must be 64 lower-case hexadecimal digits.";
            return false;
        }

        authorization = new SigV4Authorization(credential[0], credential[1], credential[2], credential[3], signedHeaders, signature);
        error = null;
        return true;
    }
}
