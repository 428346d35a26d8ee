using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Gallery.Web.Feeds;

/// <summary>
/// How feeds and badges answer: the bytes with an ETag (a hash of them) and Last-Modified, so conditional GETs get
/// 304 (badges, whose counts have no date, send no Last-Modified); shared caches may keep them for <paramref name="maxAge"/>.
/// </summary>
public static class FollowResponses
{
    public static IResult Cached(HttpContext http, byte[] body, string contentType, DateTime? lastModified, TimeSpan maxAge)
    {
        http.Response.Headers[HeaderNames.CacheControl] = $"public, max-age={(int)maxAge.TotalSeconds}";
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
        return Results.Bytes(body, contentType, lastModified: lastModified is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null, entityTag: etag);
    }
}
