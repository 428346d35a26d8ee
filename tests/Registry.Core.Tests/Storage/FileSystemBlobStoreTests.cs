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

    [Fact]
    public async Task Files_not_where_a_blob_would_be_are_listed_without_a_digest()
    {
        var store = CreateStore();
        var hex = Registry.Core.Oci.Digest.Compute([4, 5, 6]).Hex;
        string[] foreign = ["README", Path.Combine("sha256", "zz", hex), Path.Combine("sha256", hex[..2], "short"), Path.Combine("md5", hex[..2], hex)];
        foreach (var name in foreign)
        {
            var path = Path.Combine(_root, "blobs", name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, "x");
        }

        var listed = await store.ListAsync(CancellationToken.None).ToListAsync(CancellationToken.None);

        Assert.Equal(foreign.Order(), listed.Select(b => b.Name).Order());
        Assert.All(listed, b => Assert.Null(b.Digest));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
