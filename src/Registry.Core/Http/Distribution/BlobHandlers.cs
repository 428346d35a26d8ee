using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Registry.Core.Diagnostics;
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

        var stream = await context.RequestServices.GetRequiredService<IBlobStore>().OpenReadAsync(digest, context.RequestAborted)
            ?? throw BlobService.BlobUnknown(digest);
        if (IsByteRange(context.Request))
        {
            await Results.Stream(stream, "application/octet-stream", entityTag: EntityTagHeaderValue.Parse(etag), enableRangeProcessing: true)
                .ExecuteAsync(context);
            context.RequestServices.GetRequiredService<RegistryMetrics>().BlobPulled(response.ContentLength ?? 0);
            return;
        }

        // The whole blob, the common case: copied in large blocks rather than the framework's 64 KiB ones.
        await using (stream)
        {
            response.ContentType = "application/octet-stream";
            response.ContentLength = stream.Length;
            await CopyAsync(stream, response.Body, context.RequestAborted);
        }

        context.RequestServices.GetRequiredService<RegistryMetrics>().BlobPulled(size);
    }

    /// <summary>The framework serves any unit as bytes; HTTP says a Range in a unit the server does not know is ignored.</summary>
    private static bool IsByteRange(HttpRequest request) =>
        request.Headers.Range.Count > 0
        && RangeHeaderValue.TryParse(request.Headers.Range.ToString(), out var range)
        && string.Equals(range.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Large blocks, read synchronously: the blob is usually in the page cache, and a thread-pool hop per read
    /// costs more than the read itself.
    /// </summary>
    private static async Task CopyAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(WholeBlobCopyBufferSize);
        try
        {
            int read;
            while ((read = source.Read(buffer, 0, WholeBlobCopyBufferSize)) > 0)
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
