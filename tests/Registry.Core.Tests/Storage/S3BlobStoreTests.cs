using Gallery.Testing;
using Registry.Core.Storage;
using Registry.Core.Storage.S3;

namespace Registry.Core.Tests.Storage;

/// <summary>The conformance suite against a real Ceph RADOS Gateway (one bucket per test class, keys under a prefix).</summary>
public sealed class S3BlobStoreTests : BlobStoreConformanceTests, IAsyncLifetime
{
    private TestBucket? _bucket;

    protected override IBlobStore CreateStore() => new S3BlobStore(_bucket!.Options);

    [Fact]
    public async Task An_open_multipart_upload_is_no_blob_and_removing_what_the_listing_names_aborts_it()
    {
        var store = CreateStore();
        var content = System.Security.Cryptography.RandomNumberGenerator.GetBytes(17 * 1024 * 1024);
        var cursor = await store.AppendUploadAsync(UploadCursor.Start(Guid.NewGuid()), new MemoryStream(content), CancellationToken.None);
        Assert.Single(await _bucket!.OpenMultipartUploadsAsync());
        Assert.DoesNotContain(await _bucket.KeysAsync(), k => k.StartsWith("registry/blobs/", StringComparison.Ordinal));
        Assert.Null(await store.GetSizeAsync(Registry.Core.Oci.Digest.Compute(content), CancellationToken.None));

        foreach (var upload in await store.ListUploadsAsync(CancellationToken.None).Where(u => u.Id == cursor.Id).ToListAsync())
        {
            await store.DeleteUploadAsync(new UploadCursor(upload.Id, 0, upload.State), CancellationToken.None);
        }

        Assert.Empty(await _bucket.OpenMultipartUploadsAsync());
        Assert.Empty(await _bucket.KeysAsync());
    }

    [Fact]
    public async Task Download_urls_exist_only_when_pulls_redirect_and_keep_the_endpoints_scheme()
    {
        var digest = Registry.Core.Oci.Digest.Compute([1, 2, 3]);
        await CreateStore().PutAsync(digest, new byte[] { 1, 2, 3 }, CancellationToken.None);
        Assert.Null(await CreateStore().GetDownloadUrlAsync(digest, CancellationToken.None));

        var redirecting = new S3StorageOptions
        {
            ServiceUrl = _bucket!.Options.ServiceUrl, Bucket = _bucket.Options.Bucket, Prefix = "registry",
            AccessKeyId = _bucket.Options.AccessKeyId, SecretAccessKey = _bucket.Options.SecretAccessKey, RedirectPulls = true,
        };
        var url = await new S3BlobStore(redirecting).GetDownloadUrlAsync(digest, CancellationToken.None);

        Assert.NotNull(url);
        Assert.Equal(new Uri(_bucket.Options.ServiceUrl!).GetLeftPart(UriPartial.Authority), url.GetLeftPart(UriPartial.Authority));
        using var http = new HttpClient();
        Assert.Equal(new byte[] { 1, 2, 3 }, await http.GetByteArrayAsync(url));
    }

    public async Task InitializeAsync() => _bucket = await TestBucket.CreateAsync(prefix: "registry");

    public async Task DisposeAsync()
    {
        if (_bucket is not null)
        {
            await _bucket.DisposeAsync();
        }
    }
}
