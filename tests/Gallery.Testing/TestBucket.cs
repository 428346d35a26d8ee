using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Registry.Core.Storage.S3;

namespace Gallery.Testing;

/// <summary>
/// A throwaway bucket on the S3-compatible store named by <c>GALLERY_TEST_S3</c> (a Ceph RADOS Gateway the test
/// script starts): <c>ServiceUrl=http://127.0.0.1:PORT;AccessKeyId=...;SecretAccessKey=...</c>.
/// </summary>
public sealed class TestBucket : IAsyncDisposable
{
    public const string Variable = "GALLERY_TEST_S3";

    private readonly AmazonS3Client _client;

    private TestBucket(S3StorageOptions options, AmazonS3Client client)
    {
        Options = options;
        _client = client;
    }

    public S3StorageOptions Options { get; }

    public IAmazonS3 Client => _client;

    /// <summary>Configuration for a host whose blobs live in this bucket, in the names README documents.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Gallery:Storage:Provider"] = "S3",
        ["Gallery:Storage:S3:ServiceUrl"] = Options.ServiceUrl,
        ["Gallery:Storage:S3:Bucket"] = Options.Bucket,
        ["Gallery:Storage:S3:AccessKeyId"] = Options.AccessKeyId,
        ["Gallery:Storage:S3:SecretAccessKey"] = Options.SecretAccessKey,
        ["Gallery:Storage:S3:Prefix"] = Options.Prefix,
    };

    /// <summary>The endpoint and keys from <c>GALLERY_TEST_S3</c>; fails (never skips) when it is not set.</summary>
    public static S3StorageOptions Endpoint()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"S3 tests need {Variable} (ServiceUrl=...;AccessKeyId=...;SecretAccessKey=...). Run ./test.sh, which starts a throwaway Ceph RADOS Gateway and sets it.");
        }

        var parts = value.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p.Length > 1 ? p[1].Trim() : "", StringComparer.OrdinalIgnoreCase);
        return new S3StorageOptions
        {
            ServiceUrl = parts.GetValueOrDefault("ServiceUrl"),
            AccessKeyId = parts.GetValueOrDefault("AccessKeyId"),
            SecretAccessKey = parts.GetValueOrDefault("SecretAccessKey"),
        };
    }

    public static async Task<TestBucket> CreateAsync(string? prefix = null)
    {
        var options = Endpoint();
        options.Bucket = $"gallery-test-{Guid.NewGuid():N}";
        options.Prefix = prefix;
        var client = new AmazonS3Client(new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey), new AmazonS3Config
        {
            ServiceURL = options.ServiceUrl,
            ForcePathStyle = true,
            AuthenticationRegion = options.Region,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
        await client.PutBucketAsync(options.Bucket);
        return new TestBucket(options, client);
    }

    /// <summary>Every key in the bucket.</summary>
    public async Task<IReadOnlyList<string>> KeysAsync()
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = Options.Bucket };
        ListObjectsV2Response page;
        do
        {
            page = await _client.ListObjectsV2Async(request);
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);

        return keys;
    }

    /// <summary>Multipart uploads still open in the bucket.</summary>
    public async Task<IReadOnlyList<MultipartUpload>> OpenMultipartUploadsAsync() =>
        (await _client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Options.Bucket })).MultipartUploads ?? [];

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var upload in await OpenMultipartUploadsAsync())
            {
                await _client.AbortMultipartUploadAsync(Options.Bucket, upload.Key, upload.UploadId);
            }

            foreach (var key in await KeysAsync())
            {
                await _client.DeleteObjectAsync(Options.Bucket, key);
            }

            await _client.DeleteBucketAsync(Options.Bucket);
        }
        catch (AmazonServiceException)
        {
            // The gateway is torn down with the test run anyway.
        }

        _client.Dispose();
    }
}
