using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace Gallery.Bench.Oci;

/// <summary>
/// A large random layer kept in a file (so a 1 GiB push costs the harness no memory), with its digest.
/// <see cref="RenewAsync"/> changes its first bytes so every push uploads a blob the server has never seen.
/// </summary>
public sealed class BlobFile : IDisposable
{
    private const int BufferSize = 4 * 1024 * 1024;

    private BlobFile(string path, long length, SafeFileHandle handle)
    {
        Path = path;
        Length = length;
        Handle = handle;
    }

    public string Path { get; }

    public long Length { get; }

    /// <summary>sha256:... of the current content.</summary>
    public string Digest { get; private set; } = "";

    /// <summary>Opened for reading at random offsets (chunks are read concurrently with nothing else, but cheaply).</summary>
    public SafeFileHandle Handle { get; private set; }

    public static async Task<BlobFile> CreateAsync(string path, long length, CancellationToken cancellationToken)
    {
        var random = new Random(unchecked((int)length));
        var buffer = new byte[BufferSize];
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            for (long written = 0; written < length; written += BufferSize)
            {
                var count = (int)Math.Min(BufferSize, length - written);
                random.NextBytes(buffer.AsSpan(0, count));
                await file.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
            }
        }

        var blob = new BlobFile(path, length, File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, FileOptions.Asynchronous));
        await blob.RenewAsync(cancellationToken);
        return blob;
    }

    /// <summary>New random first 32 bytes, new digest.</summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        var prefix = RandomNumberGenerator.GetBytes((int)Math.Min(32, Length));
        await RandomAccess.WriteAsync(Handle, prefix, 0, cancellationToken);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        for (long offset = 0; offset < Length; )
        {
            var read = await RandomAccess.ReadAsync(Handle, buffer, offset, cancellationToken);
            hash.AppendData(buffer, 0, read);
            offset += read;
        }

        Digest = "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public void Dispose()
    {
        Handle.Dispose();
        File.Delete(Path);
    }
}
