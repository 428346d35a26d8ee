using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Oci;
using Registry.Core.Repositories;
using Registry.Core.Storage;

namespace Registry.Core.Http.Distribution;

internal static class BlobHandlers
{
    private const string ImmutableCaching = "public, max-age=31536000, immutable";
    private const int WholeBlobCopyBufferSize = 1024 * 1024;

    /// <summary>
    /// GET or HEAD of a blob, 304 when If-None-Match names it. GET honours a byte Range (206, or 416 when
    /// unsatisfiable); a Range in another unit, or on HEAD, is ignored as HTTP says.
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

        ByteRange? range = null;
        switch (BlobRanges.Resolve(context.Request, size, out var part))
        {
            case BlobRanges.Outcome.Unsatisfiable:
                response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
                response.Headers.ContentRange = $"bytes */{size}";
                response.ContentLength = 0;
                return;
            case BlobRanges.Outcome.Partial:
                range = part;
                response.StatusCode = StatusCodes.Status206PartialContent;
                response.Headers.ContentRange = $"bytes {part.Offset}-{part.Last}/{size}";
                break;
        }

        await using var stream = await store.OpenReadAsync(digest, range, context.RequestAborted)
            ?? throw BlobService.BlobUnknown(digest);
        response.ContentType = "application/octet-stream";
        response.ContentLength = range?.Length ?? size;
        await CopyAsync(stream, response.Body, context.RequestAborted);
    }

    /// <summary>
    /// Large blocks. A local file (seekable) is read synchronously: it is usually in the page cache, and a thread-pool
    /// hop per read costs more than the read itself; an object store's network stream is read asynchronously.
    /// </summary>
    private static async Task CopyAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(WholeBlobCopyBufferSize);
        try
        {
            int read;
            while ((read = source.CanSeek
                       ? source.Read(buffer, 0, WholeBlobCopyBufferSize)
                       : await StreamFill.FillAsync(source, buffer.AsMemory(0, WholeBlobCopyBufferSize), cancellationToken)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static async Task DeleteAsync(HttpContext context, RepositoryName name, string reference)
    {
        var digest = RegistryHeaders.ParseDigest(reference);
        await context.RequestServices.GetRequiredService<BlobService>().UnlinkAsync(name, digest, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentLength = 0;
    }
}
