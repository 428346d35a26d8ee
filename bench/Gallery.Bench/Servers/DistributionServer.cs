using System.Diagnostics;
using Gallery.Bench.Processes;

namespace Gallery.Bench.Servers;

/// <summary>
/// The peer: CNCF Distribution from Debian's docker-registry package, on 127.0.0.1 with filesystem storage in a temp
/// directory (or its s3 driver), deletes enabled, the in-memory blob descriptor cache of its stock config, no access
/// log, and token auth (<see cref="DistributionTokenIssuer"/>): every request carries a bearer token it verifies, as
/// ours does.
/// </summary>
public sealed class DistributionServer : IRegistryServer
{
    public const string Executable = "/usr/bin/docker-registry";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _directory;
    private readonly ServerProcess _process;
    private readonly DistributionTokenIssuer _tokens;

    private readonly string? _blobRoot;

    private DistributionServer(TempDirectory directory, ServerProcess process, DistributionTokenIssuer tokens, Uri baseAddress, string description, string? blobRoot)
    {
        _directory = directory;
        _blobRoot = blobRoot;
        _process = process;
        _tokens = tokens;
        BaseAddress = baseAddress;
        Description = description;
    }

    public string Role => "peer";

    public string Description { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.ProcessId;

    /// <summary>None: its token realm grants any scope to anyone.</summary>
    public (string User, string Password)? Credentials => null;

    public string? ExitReport() => _process.ExitReport();

    public string OutputTail => _process.OutputTail;

    /// <param name="bucket">null for filesystem storage; otherwise its s3 driver on that bucket, streaming (redirects off).</param>
    public static async Task<DistributionServer> StartAsync(CancellationToken cancellationToken, S3Bucket? bucket = null)
    {
        await AptPackages.EnsureAsync("docker-registry", () => File.Exists(Executable), cancellationToken);
        var version = await VersionAsync(cancellationToken);
        var directory = new TempDirectory("distribution");
        var tokens = new DistributionTokenIssuer(FreePort.Next());
        try
        {
            var port = FreePort.Next();
            var config = directory.Combine("config.yml");
            var certificate = directory.Combine("token.crt");
            await File.WriteAllTextAsync(certificate, tokens.CertificatePem, cancellationToken);
            var storage = bucket is null ? FileSystemStorage(directory.Combine("storage")) : S3Storage(bucket);
            await File.WriteAllTextAsync(config, Config(storage, port, tokens.Realm, certificate), cancellationToken);
            var startInfo = new ProcessStartInfo(Executable) { WorkingDirectory = directory.Path };
            // Its aws-sdk-go panics (LoadCustomCABundleError) on AWS_CA_BUNDLE with the transport it builds; the gateway is plain http.
            startInfo.Environment.Remove("AWS_CA_BUNDLE");
            startInfo.ArgumentList.Add("serve");
            startInfo.ArgumentList.Add(config);
            var baseAddress = new Uri($"http://127.0.0.1:{port}/");
            var process = await ServerProcess.StartAsync("docker-registry", startInfo, new Uri(baseAddress, "v2/"), StartTimeout, cancellationToken);
            return new DistributionServer(directory, process, tokens, baseAddress,
                $"CNCF Distribution {version} (docker-registry, {(bucket is null ? "filesystem" : "s3 driver on Ceph RGW, redirects off")}, token auth)",
                bucket is null ? Path.Combine(directory.Combine("storage"), "docker", "registry", "v2", "blobs") : null);
        }
        catch
        {
            tokens.Dispose();
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Distribution's filesystem driver keeps a blob at docker/registry/v2/blobs/sha256/&lt;first 2 hex&gt;/&lt;hex&gt;/data.</summary>
    public void DropStoredBlob(string digest)
    {
        var hex = digest["sha256:".Length..];
        if (_blobRoot is not null && Directory.Exists(Path.Combine(_blobRoot, "sha256", hex[..2], hex)))
        {
            Directory.Delete(Path.Combine(_blobRoot, "sha256", hex[..2], hex), recursive: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _tokens.Dispose();
        _directory.Dispose();
    }

    private static string FileSystemStorage(string root) => $"""
          filesystem:
            rootdirectory: {root}
        """;

    private static string S3Storage(S3Bucket bucket) => $"""
          s3:
            region: us-east-1
            regionendpoint: {bucket.ServiceUrl}
            bucket: {bucket.Name}
            accesskey: {bucket.AccessKeyId}
            secretkey: {bucket.SecretAccessKey}
            secure: false
            v4auth: true
            chunksize: 16777216
          redirect:
            disable: true
        """;

    private static string Config(string storage, int port, Uri realm, string certificate) => $"""
        version: 0.1
        log:
          level: warn
          accesslog:
            disabled: true
        storage:
        {storage}
          delete:
            enabled: true
          cache:
            blobdescriptor: inmemory
        http:
          addr: 127.0.0.1:{port}
          secret: gallery-bench-not-a-secret
        auth:
          token:
            realm: {realm}
            service: {DistributionTokenIssuer.Service}
            issuer: {DistributionTokenIssuer.Issuer}
            rootcertbundle: {certificate}
        """;

    /// <summary>"2.8.2+ds1" from "docker-registry github.com/docker/distribution 2.8.2+ds1".</summary>
    private static async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(Executable, ["--version"], TimeSpan.FromSeconds(10), cancellationToken);
        var words = result.StandardOutput.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length > 0 ? words[^1] : "(unknown version)";
    }
}
