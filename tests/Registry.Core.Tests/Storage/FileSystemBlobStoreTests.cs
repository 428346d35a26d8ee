using Registry.Core.Storage;

namespace Registry.Core.Tests.Storage;

public sealed class FileSystemBlobStoreTests : BlobStoreConformanceTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gallery-blobstore-" + Guid.NewGuid().ToString("N"));

    protected override IBlobStore CreateStore() => new FileSystemBlobStore(_root);

    [Fact]
    public async Task Blobs_are_laid_out_by_algorithm_and_digest_prefix()
    {
        var content = new byte[] { 1, 2, 3 };
        var digest = Registry.Core.Oci.Digest.Compute(content);
        await CreateStore().PutAsync(digest, content, CancellationToken.None);
        Assert.True(File.Exists(Path.Combine(_root, "blobs", "sha256", digest.Hex[..2], digest.Hex)));
        Assert.Empty(Directory.GetFiles(Path.Combine(_root, "uploads")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
