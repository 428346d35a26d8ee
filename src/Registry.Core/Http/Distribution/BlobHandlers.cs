using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Diagnostics;
using Registry.Core.Oci;
using Registry.Core.Repositories;
using Registry.Core.Storage;

namespace Registry.Core.Http.Distribution;

internal static class BlobHandlers
{
    private const string ImmutableCaching = "public, max-age=31536000, immutable";

    /// <summary>
    /// GET or HEAD of a blob, 304 when If-None-Match names it. GET honours one byte Range (206, or 416 when
    /// unsatisfiable, see <see cref="BlobRange"/>); a Range on HEAD is ignored as HTTP says.
    /// </summary>
    public static async Task GetAsync(HttpContext context, RepositoryName name, string reference)
    {
        var digest = RegistryHeaders.ParseDigest(reference);
        var size = await context.RequestServices.GetRequiredService<BlobService>().GetLinkedSizeAsync(name, digest, context.RequestAborted);
        var response = context.Response;
        var etag = $"\"{digest}\"";
        response.Headers[RegistryHeaders.ContentDigest] = digest.ToString();
        response.Headers.CacheControl = ImmutableCaching;
        response.Headers.ETag = etag;
        if (ConditionalRequest.IsNotModified(context.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.Headers.AcceptRanges = "bytes";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            response.ContentType = "application/octet-stream";
            response.ContentLength = size;
            return;
        }

        var store = context.RequestServices.GetRequiredService<IBlobStore>();
        if (await store.GetDownloadUrlAsync(digest, context.RequestAborted) is { } url)
        {
            // The bytes come from the object store; the manifest GET before this is what counts as the pull.
            response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            response.Headers.Location = url.AbsoluteUri;
            response.Headers.CacheControl = "no-store";
            response.ContentLength = 0;
            return;
        }

        var range = BlobRange.Read(context.Request, size, etag);
        if (range.IsUnsatisfiable)
        {
            response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
            response.Headers.ContentRange = $"bytes */{size}";
            response.ContentLength = 0;
            return;
        }

        await using var stream = await store.OpenReadAsync(digest, range.IsPartial ? new ByteRange(range.Start, range.Length) : null, context.RequestAborted)
            ?? throw BlobService.BlobUnknown(digest);
        if (range.IsPartial)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = $"bytes {range.Start}-{range.Start + range.Length - 1}/{size}";
        }

        response.ContentType = "application/octet-stream";
        response.ContentLength = range.Length;
        await BlobBody.SendAsync(response, stream, range.Length, context.RequestAborted);
        context.RequestServices.GetRequiredService<RegistryMetrics>().BlobPulled(range.Length);
    }

    public static async Task DeleteAsync(HttpContext context, RepositoryName name, string reference)
    {
        var digest = RegistryHeaders.ParseDigest(reference);
        await context.RequestServices.GetRequiredService<BlobService>().UnlinkAsync(name, digest, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentLength = 0;
    }
}
