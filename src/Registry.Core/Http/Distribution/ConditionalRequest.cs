using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Registry.Core.Http.Distribution;

/// <summary>If-None-Match on GET and HEAD (RFC 9110 §13.1.2): any listed tag that matches, weakly, or <c>*</c> means 304.</summary>
internal static class ConditionalRequest
{
    public static bool IsNotModified(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        var current = EntityTagHeaderValue.Parse(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }
}
