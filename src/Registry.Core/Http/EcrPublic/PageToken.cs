using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Registry.Core.Http.EcrPublic;

/// <summary>
/// Opaque <c>nextToken</c>s: the operation and the last key of the page, base64url-encoded. A token for another
/// operation or one that does not decode is refused. Keys only ever narrow a query the caller may already run.
/// </summary>
internal static class PageToken
{
    public const int DefaultPageSize = 100;

    public static string Encode(string operation, string lastKey) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{operation}\n{lastKey}"));

    public static string Encode(string operation, long lastKey) => Encode(operation, lastKey.ToString(CultureInfo.InvariantCulture));

    /// <summary>The key a token carries, or null without a token.</summary>
    public static string? Decode(string operation, string? token)
    {
        if (token is null)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            var prefix = operation + "\n";
            if (text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length)
            {
                return text[prefix.Length..];
            }
        }
        catch (FormatException)
        {
        }

        throw EcrPublicException.InvalidParameter("Invalid parameter at 'nextToken' failed to satisfy constraint: 'Invalid NextToken'");
    }

    public static long? DecodeLong(string operation, string? token) =>
        Decode(operation, token) is { } key
            ? long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw EcrPublicException.InvalidParameter("Invalid parameter at 'nextToken' failed to satisfy constraint: 'Invalid NextToken'")
            : null;

    /// <summary>Refuses paging parameters next to an explicit list, as ECR Public does.</summary>
    public static void EnsureNotWithList(string listName, object? list, string? nextToken, int? maxResults)
    {
        if (list is not null && (nextToken is not null || maxResults is not null))
        {
            throw EcrPublicException.InvalidParameter($"Invalid parameter: nextToken and maxResults cannot be used together with {listName}");
        }
    }
}
