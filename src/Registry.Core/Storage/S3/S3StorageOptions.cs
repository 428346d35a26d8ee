namespace Registry.Core.Storage.S3;

/// <summary><c>Gallery:Storage:S3</c>: the bucket blobs live in when <c>Gallery:Storage:Provider</c> is <c>S3</c>.</summary>
public sealed class S3StorageOptions
{
    /// <summary>The endpoint of an S3-compatible store (Ceph RGW, MinIO, ...); empty for AWS S3 in <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    public string? Bucket { get; set; }

    public string Region { get; set; } = "us-east-1";

    /// <summary>Empty: the SDK's default credential chain (environment, profile, instance role).</summary>
    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    /// <summary>Path-style addressing (<c>endpoint/bucket/key</c>), which most S3-compatible stores need.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>Prepended to every key, so several deployments can share one bucket.</summary>
    public string? Prefix { get; set; }

    /// <summary>Blob GETs answer 307 to a presigned URL of the store instead of streaming the bytes.</summary>
    public bool RedirectPulls { get; set; }

    public TimeSpan PresignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long one request to the store may take before the registry answers 503.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
