using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using Registry.Core.Oci;

namespace Registry.Core.Storage.S3;

/// <summary>
/// Blobs in an S3-compatible bucket (layout in <see cref="S3Keys"/>), shared by every node. Committed blobs are
/// written once and never changed, so a reader sees all of one or none; uploads are multipart uploads fed by
/// <c>S3BlobStore.Uploads.cs</c>. Failures to reach the store surface as <see cref="BlobStoreUnavailableException"/>.
/// </summary>
public sealed partial class S3BlobStore : IBlobStore, IDisposable
{
    private readonly IAmazonS3 _s3;
    private readonly S3StorageOptions _options;
    private readonly string _bucket;
    private readonly S3Keys _keys;

    public S3BlobStore(IOptions<RegistryOptions> options)
        : this(options.Value.Storage.S3)
    {
    }

    public S3BlobStore(S3StorageOptions options)
    {
        _options = options;
        _bucket = options.Bucket ?? "";
        _keys = new S3Keys(options.Prefix);
        _s3 = S3ClientFactory.Create(options);
    }

    public Task<long?> GetSizeAsync(Digest digest, CancellationToken cancellationToken) =>
        SizeOfAsync(_keys.Blob(digest), cancellationToken);

    public Task<Stream?> OpenReadAsync(Digest digest, ByteRange? range, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            var request = new GetObjectRequest { BucketName = _bucket, Key = _keys.Blob(digest) };
            if (range is { } part)
            {
                request.ByteRange = new Amazon.S3.Model.ByteRange(part.Offset, part.Last);
            }

            try
            {
                var response = await _s3.GetObjectAsync(request, cancellationToken);
                return (Stream?)response.ResponseStream;
            }
            catch (AmazonS3Exception e) when (IsNotFound(e))
            {
                return null;
            }
        });

    public async Task<Uri?> GetDownloadUrlAsync(Digest digest, CancellationToken cancellationToken)
    {
        if (!_options.RedirectPulls)
        {
            return null;
        }

        var signed = await CallAsync(() => _s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = _bucket,
            Key = _keys.Blob(digest),
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow + _options.PresignedUrlLifetime,
        }));

        // The SDK writes https:// whatever the endpoint; the signature does not cover the scheme, so take the setting's.
        var url = new UriBuilder(signed);
        if (Uri.TryCreate(_options.ServiceUrl, UriKind.Absolute, out var service))
        {
            url.Scheme = service.Scheme;
            url.Port = service.Port;
        }

        return url.Uri;
    }

    public Task PutAsync(Digest digest, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        CallAsync(() => _s3.PutObjectAsync(
            new PutObjectRequest { BucketName = _bucket, Key = _keys.Blob(digest), InputStream = new MemoryStream(content.ToArray(), writable: false) },
            cancellationToken));

    public async IAsyncEnumerable<StoredBlob> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in ListObjectsAsync(_keys.Blobs, cancellationToken))
        {
            yield return new StoredBlob(item.Key[_keys.Blobs.Length..], _keys.DigestOf(item.Key), item.Size ?? 0);
        }
    }

    public async Task<bool> DeleteAsync(Digest digest, CancellationToken cancellationToken)
    {
        var key = _keys.Blob(digest);
        if (await SizeOfAsync(key, cancellationToken) is null)
        {
            return false;
        }

        await CallAsync(() => _s3.DeleteObjectAsync(_bucket, key, cancellationToken));
        return true;
    }

    /// <summary>
    /// Why this node cannot use the bucket, as one line naming the setting to fix; null when it can. A node runs
    /// this before it serves anything.
    /// </summary>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        const string Settings = "Gallery__Storage__S3";
        if (string.IsNullOrWhiteSpace(_options.Bucket))
        {
            return $"{Settings}__Bucket is not set: name the bucket blobs are kept in";
        }

        try
        {
            await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, Prefix = _keys.Blobs, MaxKeys = 1 }, cancellationToken);
            return null;
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket")
        {
            return $"{Settings}__Bucket: the bucket '{_bucket}' does not exist at {Endpoint}";
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            return $"{Settings}__AccessKeyId / {Settings}__SecretAccessKey: {Endpoint} refused the credentials for bucket '{_bucket}' ({e.ErrorCode})";
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or OperationCanceledException)
        {
            return $"{Settings}__ServiceUrl: cannot use the store at {Endpoint} ({OneLine(e.Message)})";
        }
    }

    /// <summary>For the readiness check: the bucket answers a listing with this node's settings.</summary>
    public async Task CheckAvailableAsync(CancellationToken cancellationToken)
    {
        if (await CheckAsync(cancellationToken) is { } problem)
        {
            throw new IOException(problem);
        }
    }

    public void Dispose() => _s3.Dispose();

    private string Endpoint => string.IsNullOrWhiteSpace(_options.ServiceUrl) ? $"AWS S3 in {_options.Region}" : _options.ServiceUrl;

    private Task<long?> SizeOfAsync(string key, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            try
            {
                var head = await _s3.GetObjectMetadataAsync(_bucket, key, cancellationToken);
                return (long?)head.ContentLength;
            }
            catch (AmazonS3Exception e) when (IsNotFound(e))
            {
                return null;
            }
        });

    private async IAsyncEnumerable<S3Object> ListObjectsAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = prefix };
        ListObjectsV2Response page;
        do
        {
            page = await CallAsync(() => _s3.ListObjectsV2Async(request, cancellationToken));
            foreach (var item in page.S3Objects ?? [])
            {
                yield return item;
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
    }

    private static bool IsNotFound(AmazonS3Exception e) => e.StatusCode == HttpStatusCode.NotFound;

    /// <summary>Every call to the store goes through here, so that an unreachable, slow or failing store is one kind of error.</summary>
    private async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw Unavailable(e);
        }
    }

    private async Task CallAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw Unavailable(e);
        }
    }

    /// <summary>
    /// The store failed, refused or timed out (the SDK's timeout is a TaskCanceledException without our token being
    /// cancelled, which callers tell apart by their own token). A 404 is handled where it means "not there".
    /// </summary>
    private static bool IsUnavailable(Exception e) =>
        e is AmazonServiceException or AmazonClientException or HttpRequestException or TimeoutException
        || (e is TaskCanceledException && e.InnerException is TimeoutException);

    private BlobStoreUnavailableException Unavailable(Exception e) =>
        new($"the blob store at {Endpoint} is not answering ({OneLine(e.Message)}); try again shortly", e);

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
