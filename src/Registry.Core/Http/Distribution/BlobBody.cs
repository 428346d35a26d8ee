using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Registry.Core.Http.Distribution;

/// <summary>
/// Sends blob bytes the shortest way Kestrel allows: each block is read from storage straight into the response
/// pipe's own memory (no buffer of ours to copy from) and flushed once, so the socket sends while the next block is
/// read. Memory stays one block per request whatever the blob's size.
/// </summary>
internal static class BlobBody
{
    /// <summary>Large enough that syscalls stay few (one read, one send per block), small enough to stay out of the large-object heap's way.</summary>
    private const int BlockSize = 256 * 1024;

    public static async Task SendAsync(HttpResponse response, Stream content, long length, CancellationToken cancellationToken)
    {
        await response.StartAsync(cancellationToken);
        var writer = response.BodyWriter;
        while (length > 0)
        {
            var block = writer.GetMemory(BlockSize);
            block = block[..(int)Math.Min(block.Length, length)];
            // A local file's stream answers inline (LocalFileReadStream); an object store's is truly asynchronous.
            var read = await content.ReadAsync(block, cancellationToken);
            if (read == 0)
            {
                throw new IOException($"the stored blob ended {length} bytes early");
            }

            writer.Advance(read);
            length -= read;
            var flushed = await writer.FlushAsync(cancellationToken);
            if (flushed.IsCompleted || flushed.IsCanceled)
            {
                return;
            }
        }
    }
}
