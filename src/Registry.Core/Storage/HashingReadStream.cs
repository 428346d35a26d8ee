using System.Security.Cryptography;
using Registry.Core.Oci;

namespace Registry.Core.Storage;

/// <summary>
/// Wraps a request body: feeds every byte read into a hash and refuses to read past a size limit,
/// so an upload is hashed while it streams to storage and memory does not grow with its size.
/// </summary>
internal sealed class HashingReadStream(Stream inner, IncrementalHash? hash, long maxBytes) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        return Account(buffer[..read]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Account(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Account(ReadOnlySpan<byte> chunk)
    {
        BytesRead += chunk.Length;
        if (BytesRead > maxBytes)
        {
            throw new RegistryException(OciErrorCode.TooLarge, $"the blob exceeds the registry's limit of {maxBytes} bytes");
        }

        hash?.AppendData(chunk);
        return chunk.Length;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
