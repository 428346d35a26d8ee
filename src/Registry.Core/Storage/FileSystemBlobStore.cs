using System.Buffers;
using System.IO.Enumeration;
using Microsoft.Extensions.Options;
using Microsoft.Win32.SafeHandles;
using Registry.Core.Oci;

namespace Registry.Core.Storage;

/// <summary>
/// Blobs on a local (or shared) filesystem:
/// <code>
/// &lt;data&gt;/blobs/&lt;algorithm&gt;/&lt;first 2 hex&gt;/&lt;hex&gt;   committed content, immutable
/// &lt;data&gt;/uploads/&lt;upload id&gt;                     upload sessions' bytes, renamed into blobs/ on commit
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

    public Task<Stream?> OpenReadAsync(Digest digest, ByteRange? range, CancellationToken cancellationToken)
    {
        SafeFileHandle file;
        try
        {
            file = File.OpenHandle(BlobPath(digest), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }

        var part = range ?? new ByteRange(0, RandomAccess.GetLength(file));
        return Task.FromResult<Stream?>(new LocalFileReadStream(file, part.Offset, part.Length));
    }

    public Task<Uri?> GetDownloadUrlAsync(Digest digest, CancellationToken cancellationToken) => Task.FromResult<Uri?>(null);

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

    /// <summary>
    /// Writes at the cursor's size: whatever a failed call left past it is overwritten, and cut off when sealed. Each
    /// 1 MiB block is written synchronously: it lands in the page cache, where a write costs less than the thread-pool
    /// hop an asynchronous write of a file not opened for asynchronous I/O makes.
    /// </summary>
    public async Task<UploadCursor> AppendUploadAsync(UploadCursor at, Stream data, CancellationToken cancellationToken)
    {
        using var file = File.OpenHandle(UploadPath(at.Id), FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        var stored = RandomAccess.GetLength(file);
        if (stored < at.Size)
        {
            throw new IOException($"upload {at.Id:N} holds {stored} bytes, not the {at.Size} recorded");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            var offset = at.Size;
            int filled;
            while ((filled = await StreamFill.FillAsync(data, buffer.AsMemory(0, CopyBufferSize), cancellationToken)) > 0)
            {
                RandomAccess.Write(file, buffer.AsSpan(0, filled), offset);
                offset += filled;
            }

            return at with { Size = offset };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public Task SealUploadAsync(UploadCursor upload, CancellationToken cancellationToken)
    {
        // Only an empty upload may have no file yet; a shorter file is not the content that was verified.
        using var file = new FileStream(UploadPath(upload.Id), upload.Size == 0 ? FileMode.OpenOrCreate : FileMode.Open, FileAccess.Write, FileShare.Read, bufferSize: 0);
        if (file.Length < upload.Size)
        {
            throw new IOException($"upload {upload.Id:N} holds {file.Length} bytes, not the {upload.Size} recorded");
        }

        file.SetLength(upload.Size);
        file.Flush(flushToDisk: true);
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

    public Task<Stream> OpenSealedUploadAsync(Guid uploadId, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(UploadPath(uploadId), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan));

    public Task CommitUploadAsync(Guid uploadId, Digest digest, CancellationToken cancellationToken)
    {
        MoveIntoPlace(UploadPath(uploadId), BlobPath(digest));
        return Task.CompletedTask;
    }

    public Task DeleteUploadAsync(UploadCursor upload, CancellationToken cancellationToken)
    {
        File.Delete(UploadPath(upload.Id));
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<StoredUpload> ListUploadsAsync(CancellationToken cancellationToken) =>
        new DirectoryInfo(_uploadRoot).EnumerateFiles()
            .Select(f => Guid.TryParseExact(f.Name, "N", out var id) ? new StoredUpload(id, f.CreationTimeUtc, null) : null)
            .OfType<StoredUpload>()
            .ToAsyncEnumerable();

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
}
