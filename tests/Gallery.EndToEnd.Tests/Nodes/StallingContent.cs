using System.Net;

namespace Gallery.EndToEnd.Tests.Nodes;

/// <summary>A request body that sends its first bytes and then waits for ever: a client caught mid-chunk when its server dies.</summary>
internal sealed class StallingContent(byte[] first) : HttpContent
{
    private readonly TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first bytes have been handed to the connection.</summary>
    public Task Sent => _sent.Task;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(first, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        _sent.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
