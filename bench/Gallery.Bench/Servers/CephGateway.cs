using Amazon.Runtime;
using Amazon.S3;
using Gallery.Bench.Cli;
using Gallery.Bench.Processes;

namespace Gallery.Bench.Servers;

/// <summary>
/// A throwaway Ceph RADOS Gateway on 127.0.0.1, started with the test script's tests/ceph/start-rgw.sh (root), or the
/// one <c>GALLERY_TEST_S3</c> names. Each server gets its own bucket on it.
/// </summary>
public sealed class CephGateway : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly AmazonS3Client _client;

    private CephGateway(string? directory, string serviceUrl, string accessKeyId, string secretAccessKey)
    {
        _directory = directory;
        ServiceUrl = serviceUrl;
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        _client = new AmazonS3Client(new BasicAWSCredentials(accessKeyId, secretAccessKey), new AmazonS3Config
        {
            ServiceURL = serviceUrl,
            ForcePathStyle = true,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
    }

    public string ServiceUrl { get; }

    public string AccessKeyId { get; }

    public string SecretAccessKey { get; }

    public static async Task<CephGateway> StartAsync(CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable("GALLERY_TEST_S3") is { Length: > 0 } given)
        {
            return FromEndpoint(null, given);
        }

        var root = RepositoryRoot.Find() ?? throw new BenchException("--storage s3 needs the repository checkout (tests/ceph/start-rgw.sh)");
        var directory = Path.Combine(Path.GetTempPath(), $"gallery-bench-rgw-{Guid.NewGuid():N}");
        var result = await ProcessRunner.RunAsync(Path.Combine(root, "tests", "ceph", "start-rgw.sh"), [directory], TimeSpan.FromMinutes(3), cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new BenchException($"could not start the Ceph RADOS Gateway (needs root): {result.StandardError.Trim()}");
        }

        return FromEndpoint(directory, result.StandardOutput.Trim().Split('\n')[^1]);
    }

    public async Task<string> CreateBucketAsync(string name, CancellationToken cancellationToken)
    {
        var bucket = $"bench-{name}-{Guid.NewGuid():N}"[..40];
        await _client.PutBucketAsync(bucket, cancellationToken);
        return bucket;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (_directory is not null && RepositoryRoot.Find() is { } root)
        {
            await ProcessRunner.RunAsync(Path.Combine(root, "tests", "ceph", "stop-rgw.sh"), [_directory], TimeSpan.FromMinutes(1), CancellationToken.None);
        }
    }

    private static CephGateway FromEndpoint(string? directory, string endpoint)
    {
        var parts = endpoint.Split(';').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        return new CephGateway(directory, parts["ServiceUrl"], parts["AccessKeyId"], parts["SecretAccessKey"]);
    }
}
