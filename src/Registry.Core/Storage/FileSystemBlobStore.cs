using System.Buffers;
using System.IO.Enumeration;
using Microsoft.Extensions.Options;
using Registry.Core.Oci;

namespace Registry.Core.Storage;

/// <summary>
/// Blobs on a local (or shared) filesystem:
/// <code>
/// &lt;data&gt;/blobs/&lt;algorithm&gt;/&lt;first 2 hex&gt;/&lt;hex&gt;   committed content, immutable
/// &lt;data&gt;/uploads/&lt;upload id&gt;                     upload sessions' bytes, renamed into blobs/ on commit
/// &lt;data&gt;/uploads/&lt;upload id&gt;.hold                the lock file a request holds while it writes or commits the upload
/// </code>
/// Both live under one root so that commit is a rename on one filesystem: readers see all of a blob or none.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private const int CopyBufferSize = 1024 * 1024;

    /// <summary>Everything, hidden files included, so that foreign files are reported rather than silently skipped.</summary>
    private static readonly EnumerationOptions ListOptions = new() { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };

    private readonly string _blobRoot;
    private readonly string _uploadRoot;

    public FileSystemBlobStore(IOptions<RegistryOptions> options)
        : this(options.Value.ResolvedDataPath)
    {
    }

    public FileSystemBlobStore(string dataPath)
    {
        _blobRoot = Path.Combine(dataPath, "blobs");
        _uploadRoot = Path.Combine(dataPath, "uploads");
        Directory.CreateDirectory(_blobRoot);
        Directory.CreateDirectory(_uploadRoot);
    }

    public Task<long?> GetSizeAsync(Digest digest, CancellationToken cancellationToken)
    {
        var file = new FileInfo(BlobPath(digest));
        return Task.FromResult(file.Exists ? file.Length : (long?)null);
    }

    public Task<Stream?> OpenReadAsync(Digest digest, CancellationToken cancellationToken)
    {
        try
        {
            Stream stream = new FileStream(BlobPath(digest), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public async Task PutAsync(Digest digest, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var target = BlobPath(digest);
        if (File.Exists(target))
        {
            return;
        }

        var temp = Path.Combine(_uploadRoot, $"put-{Guid.NewGuid():N}");
        await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            await file.WriteAsync(content, cancellationToken);
            file.Flush(flushToDisk: true);
        }

        MoveIntoPlace(temp, target);
    }

    public IAsyncEnumerable<StoredBlob> ListAsync(CancellationToken cancellationToken) =>
        new FileSystemEnumerable<StoredBlob>(_blobRoot, (ref FileSystemEntry entry) => Describe(entry.ToFullPath(), entry.Length), ListOptions)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
        }.ToAsyncEnumerable();

    public Task<bool> DeleteAsync(Digest digest, CancellationToken cancellationToken)
    {
        var path = BlobPath(digest);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    public Task<IAsyncDisposable?> TryHoldUploadAsync(Guid uploadId, CancellationToken cancellationToken)
    {
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock on Unix) that other processes and other opens respect.
            IAsyncDisposable hold = new FileStream(HoldPath(uploadId), FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, bufferSize: 0);
            return Task.FromResult<IAsyncDisposable?>(hold);
        }
        catch (IOException e) when (IsHeldElsewhere(e))
        {
            return Task.FromResult<IAsyncDisposable?>(null);
        }
    }

    /// <summary>
    /// The lock is taken: EWOULDBLOCK from flock (11 on Linux, 35 on macOS; .NET reports the raw errno), or a sharing or
    /// lock violation on Windows. Any other failure (a full disk, too many open files) is the server's and propagates.
    /// </summary>
    private static bool IsHeldElsewhere(IOException e) =>
        e.GetType() == typeof(IOException)
        && (OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 32 or 33 : e.HResult is 11 or 35);

    public async Task<long> WriteUploadAsync(Guid uploadId, long offset, Stream data, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(UploadPath(uploadId), FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read, bufferSize: 0);
        file.SetLength(offset);
        file.Position = offset;
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            long written = 0;
            int filled;
            while ((filled = await FillAsync(data, buffer.AsMemory(0, CopyBufferSize), cancellationToken)) > 0)
            {
                await file.WriteAsync(buffer.AsMemory(0, filled), cancellationToken);
                written += filled;
            }

            return written;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public Task<Stream> OpenUploadAsync(Guid uploadId, long length, CancellationToken cancellationToken)
    {
        var path = UploadPath(uploadId);
        if (!File.Exists(path))
        {
            return Task.FromResult<Stream>(new MemoryStream([], writable: false));
        }

        Stream file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);
        return Task.FromResult<Stream>(new BoundedReadStream(file, length));
    }

    public Task CommitUploadAsync(Guid uploadId, Digest digest, long length, CancellationToken cancellationToken)
    {
        var source = UploadPath(uploadId);

        // Only an empty upload may have no file yet; a shorter file is not the content that was verified.
        using (var file = new FileStream(source, length == 0 ? FileMode.OpenOrCreate : FileMode.Open, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            if (file.Length < length)
            {
                throw new IOException($"upload {uploadId:N} holds {file.Length} bytes, not the {length} recorded");
            }

            file.SetLength(length);
            file.Flush(flushToDisk: true);
        }

        MoveIntoPlace(source, BlobPath(digest));
        UploadHold.TryDelete(HoldPath(uploadId));
        return Task.CompletedTask;
    }

    public Task CheckAvailableAsync(CancellationToken cancellationToken)
    {
        // Both roots present (a lost mount shows here) and the upload area writable.
        if (!Directory.Exists(_blobRoot))
        {
            throw new DirectoryNotFoundException($"the blob directory {_blobRoot} is missing");
        }

        var probe = Path.Combine(_uploadRoot, $"ready-{Guid.NewGuid():N}");
        File.WriteAllBytes(probe, []);
        File.Delete(probe);
        return Task.CompletedTask;
    }

    public Task DeleteUploadAsync(Guid uploadId, CancellationToken cancellationToken)
    {
        File.Delete(UploadPath(uploadId));
        UploadHold.TryDelete(HoldPath(uploadId));
        return Task.CompletedTask;
    }

    /// <summary>Reads until the buffer is full or the data ends: request bodies arrive in small pieces, disks like large writes.</summary>
    private static async Task<int> FillAsync(Stream data, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await data.ReadAsync(buffer[filled..], cancellationToken)) > 0)
        {
            filled += read;
        }

        return filled;
    }

    /// <summary>
    /// Renames a file whose bytes are already on disk (fsync) into place, then syncs the directory so the new name
    /// survives a power cut too: a push is acknowledged only once both are durable.
    /// </summary>
    private static void MoveIntoPlace(string source, string target)
    {
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        try
        {
            File.Move(source, target, overwrite: false);
            DirectorySync.Flush(directory);
        }
        catch (IOException) when (File.Exists(target))
        {
            // Same digest, same bytes: someone else committed it first.
            File.Delete(source);
        }
    }

    /// <summary>A file under blobs/ is a blob only where <see cref="BlobPath"/> would put its digest; anything else is foreign.</summary>
    private StoredBlob Describe(string path, long size)
    {
        var name = Path.GetRelativePath(_blobRoot, path);
        var parts = name.Split(Path.DirectorySeparatorChar);
        var digest = parts.Length == 3 && Digest.TryParse($"{parts[0]}:{parts[2]}", out var parsed, out _) && parts[1] == parsed.Hex[..2]
            ? parsed
            : (Digest?)null;
        return new StoredBlob(name, digest, size);
    }

    private string BlobPath(Digest digest) => Path.Combine(_blobRoot, digest.Algorithm, digest.Hex[..2], digest.Hex);

    private string UploadPath(Guid uploadId) => Path.Combine(_uploadRoot, uploadId.ToString("N"));

    private string HoldPath(Guid uploadId) => UploadPath(uploadId) + ".hold";
}
