namespace Registry.Core.Charts;

/// <summary>A forward-only read of another stream that fails with <see cref="ChartArchiveException"/> past a number of bytes.</summary>
internal sealed class CappedReadStream(Stream inner, long maxBytes, string what) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        _read += read;
        if (_read > maxBytes)
        {
            throw new ChartArchiveException($"the chart archive holds more than {maxBytes:N0} {what} before its README");
        }

        return read;
    }
}

/// <summary>A chart archive that cannot be read within the limits, or at all; the message says why.</summary>
public sealed class ChartArchiveException(string message) : Exception(message);
