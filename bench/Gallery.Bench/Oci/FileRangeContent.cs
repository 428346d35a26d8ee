using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Win32.SafeHandles;

namespace Gallery.Bench.Oci;

/// <summary>A request body that streams a byte range of a file with a known length (no buffering of the whole body).</summary>
public sealed class FileRangeContent : HttpContent
{
    private const int BufferSize = 1024 * 1024;

    private readonly SafeFileHandle _file;
    private readonly long _offset;
    private readonly long _length;

    public FileRangeContent(SafeFileHandle file, long offset, long length)
    {
        _file = file;
        _offset = offset;
        _length = length;
        Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        Headers.ContentLength = length;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            for (long sent = 0; sent < _length; )
            {
                var count = (int)Math.Min(BufferSize, _length - sent);
                var read = await RandomAccess.ReadAsync(_file, buffer.AsMemory(0, count), _offset + sent, cancellationToken);
                if (read == 0)
                {
                    throw new EndOfStreamException($"the file ended {_length - sent} bytes early");
                }

                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                sent += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }
}
