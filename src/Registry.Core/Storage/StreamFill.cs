namespace Registry.Core.Storage;

internal static class StreamFill
{
    /// <summary>Reads until the buffer is full or the data ends: request bodies arrive in small pieces, stores like large writes.</summary>
    public static async Task<int> FillAsync(Stream data, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await data.ReadAsync(buffer[filled..], cancellationToken)) > 0)
        {
            filled += read;
        }

        return filled;
    }
}
