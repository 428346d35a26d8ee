using Gallery.Testing;
using Registry.Core.Storage;
using Registry.Core.Storage.S3;

namespace Registry.Core.Tests.Storage;

/// <summary>The conformance suite against a real Ceph RADOS Gateway (one bucket per test class, keys under a prefix).</summary>
public sealed class S3BlobStoreTests : BlobStoreConformanceTests, IAsyncLifetime
{
    private TestBucket? _bucket;

    protected override IBlobStore CreateStore() => new S3BlobStore(_bucket!.Options);

    public async Task InitializeAsync() => _bucket = await TestBucket.CreateAsync(prefix: "registry");

    public async Task DisposeAsync()
    {
        if (_bucket is not null)
        {
            await _bucket.DisposeAsync();
        }
    }
}
