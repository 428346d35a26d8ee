using System.Diagnostics;
using Gallery.Bench.Processes;

namespace Gallery.Bench.Servers;

/// <summary>
/// Our server: the Release Gallery.Web.dll built next to the harness (the project references Gallery.Web for that),
/// run as <c>dotnet Gallery.Web.dll --urls http://127.0.0.1:PORT</c> on a temp data directory, configured only through
/// the documented environment variables: logging at Warning, a bootstrap publisher "bench" whose access key the
/// client exchanges for tokens, pull rate limits off.
/// </summary>
public sealed class OurServer : IRegistryServer
{
    public const string AssemblyName = "Gallery.Web.dll";

    /// <summary>The publisher every bench repository lives under: repositories are "bench/...".</summary>
    public const string Alias = "bench";
    private const string AccessKeyId = "GKBENCH000000000001";
    private const string SecretAccessKey = "gallery-bench-secret-access-key-not-a-secret";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _directory;
    private readonly ServerProcess _process;

    private readonly string? _blobRoot;

    private OurServer(TempDirectory directory, ServerProcess process, Uri baseAddress, string description, string? blobRoot)
    {
        _directory = directory;
        _blobRoot = blobRoot;
        _process = process;
        BaseAddress = baseAddress;
        Description = description;
    }

    public string Role => "ours";

    public string Description { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.ProcessId;

    public (string User, string Password)? Credentials => (AccessKeyId, SecretAccessKey);

    public string? ExitReport() => _process.ExitReport();

    public string OutputTail => _process.OutputTail;

    /// <summary>Another build of Gallery.Web.dll to run instead of the one next to the harness (to measure a "before").</summary>
    public const string ServerVariable = "GALLERY_BENCH_SERVER";

    /// <param name="postgresConnectionString">null for the embedded SQLite database.</param>
    /// <param name="bucket">null for blobs on the filesystem.</param>
    /// <param name="redirectPulls">With a bucket: blob GETs answer 307 to a presigned URL.</param>
    /// <param name="dataPath">a data directory prepared beforehand (a seeded database); null for a fresh one.</param>
    /// <param name="settings">More environment settings (a suite's own, e.g. webhooks to 127.0.0.1).</param>
    public static async Task<OurServer> StartAsync(string? postgresConnectionString, CancellationToken cancellationToken,
        S3Bucket? bucket = null, bool redirectPulls = false, string? dataPath = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var assembly = Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } other
            ? Path.GetFullPath(other)
            : Path.Combine(AppContext.BaseDirectory, AssemblyName);
        if (!File.Exists(assembly))
        {
            throw new BenchException($"{assembly} is missing; build the harness with `dotnet build -c Release bench/Gallery.Bench` (it references src/Gallery.Web)");
        }

        var directory = new TempDirectory("gallery");
        try
        {
            var port = FreePort.Next();
            var baseAddress = new Uri($"http://127.0.0.1:{port}/");
            var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = directory.Path };
            foreach (var argument in new[] { assembly, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", Path.GetDirectoryName(assembly)! })
            {
                startInfo.ArgumentList.Add(argument);
            }

            var environment = startInfo.Environment;
            environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            dataPath ??= directory.Combine("data");
            environment["Gallery__DataPath"] = dataPath;
            environment["Gallery__Database__Provider"] = postgresConnectionString is null ? "Sqlite" : "Postgres";
            if (postgresConnectionString is not null)
            {
                environment["ConnectionStrings__Registry"] = postgresConnectionString;
            }

            environment["Logging__LogLevel__Default"] = "Warning";
            if (bucket is not null)
            {
                environment["Gallery__Storage__Provider"] = "S3";
                environment["Gallery__Storage__S3__ServiceUrl"] = bucket.ServiceUrl;
                environment["Gallery__Storage__S3__Bucket"] = bucket.Name;
                environment["Gallery__Storage__S3__AccessKeyId"] = bucket.AccessKeyId;
                environment["Gallery__Storage__S3__SecretAccessKey"] = bucket.SecretAccessKey;
                environment["Gallery__Storage__S3__RedirectPulls"] = redirectPulls ? "true" : "false";
            }

            // The publisher "bench" with an access key, creating repositories on first push (tokens come from /token).
            environment["Gallery__Bootstrap__Alias"] = Alias;
            environment["Gallery__Bootstrap__AccessKeyId"] = AccessKeyId;
            environment["Gallery__Bootstrap__SecretAccessKey"] = SecretAccessKey;
            environment["Gallery__Bootstrap__CreateOnPush"] = "true";

            // Pull rate limits off: the figures are the server's capacity, not the limiter's (1/s anonymous by default).
            environment["Gallery__RateLimits__AnonymousPullsPerSecond"] = "0";
            environment["Gallery__RateLimits__AuthenticatedPullsPerSecond"] = "0";

            // Tokens outlive a full run, as the peer's do: curl gets one token per repository and keeps it.
            environment["Gallery__Access__RegistryTokenLifetime"] = "02:00:00";

            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                environment[key] = value;
            }

            var process = await ServerProcess.StartAsync("Gallery.Web", startInfo, new Uri(baseAddress, "v2/"), StartTimeout, cancellationToken);
            var configuration = IsReleaseBuild() ? "Release" : "Debug build!";
            var database = postgresConnectionString is null ? "SQLite" : "PostgreSQL";
            var storage = bucket is null ? "filesystem" : redirectPulls ? "S3 on Ceph RGW, pulls redirected" : "S3 on Ceph RGW";
            return new OurServer(directory, process, baseAddress, $"Gallery.Web ({configuration}, {database}, {storage})",
                bucket is null ? Path.Combine(dataPath, "blobs") : null);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>The filesystem store keeps a blob at blobs/sha256/&lt;first 2 hex&gt;/&lt;hex&gt;.</summary>
    public void DropStoredBlob(string digest)
    {
        if (_blobRoot is not null)
        {
            var hex = digest["sha256:".Length..];
            File.Delete(Path.Combine(_blobRoot, "sha256", hex[..2], hex));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>The harness and the Gallery.Web next to it are built in the same configuration.</summary>
    private static bool IsReleaseBuild() =>
        typeof(OurServer).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false) is not [DebuggableAttribute { IsJITOptimizerDisabled: true }];
}
