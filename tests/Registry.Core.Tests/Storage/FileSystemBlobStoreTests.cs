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

    [Fact]
    public async Task A_hold_that_fails_for_another_reason_than_a_held_lock_is_an_error_not_a_busy_upload()
    {
        var store = CreateStore();
        var upload = Guid.NewGuid();
        // The hold file cannot be opened (a link to itself: ELOOP), as a full or broken disk would refuse it.
        var hold = Path.Combine(_root, "uploads", upload.ToString("N") + ".hold");
        File.CreateSymbolicLink(hold, hold);

        await Assert.ThrowsAsync<IOException>(() => store.TryHoldUploadAsync(upload, CancellationToken.None));
    }

    [Fact]
    public async Task A_hold_another_request_has_is_reported_as_held()
    {
        var store = CreateStore();
        var upload = Guid.NewGuid();
        await using var first = await store.TryHoldUploadAsync(upload, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(await store.TryHoldUploadAsync(upload, CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
