namespace Gallery.Bench.Servers;

/// <summary>A bucket on the run's gateway that one server keeps its blobs in.</summary>
public sealed record S3Bucket(string ServiceUrl, string Name, string AccessKeyId, string SecretAccessKey)
{
    public static async Task<S3Bucket> CreateAsync(CephGateway gateway, string name, CancellationToken cancellationToken) =>
        new(gateway.ServiceUrl, await gateway.CreateBucketAsync(name, cancellationToken), gateway.AccessKeyId, gateway.SecretAccessKey);
}
