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

    private OurServer(TempDirectory directory, ServerProcess process, Uri baseAddress, string description)
    {
        _directory = directory;
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

    /// <param name="postgresConnectionString">null for the embedded SQLite database.</param>
    /// <param name="settings">More environment settings (a suite's own, e.g. webhooks to 127.0.0.1).</param>
    public static async Task<OurServer> StartAsync(string? postgresConnectionString, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, AssemblyName);
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
            foreach (var argument in new[] { assembly, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", AppContext.BaseDirectory })
            {
                startInfo.ArgumentList.Add(argument);
            }

            var environment = startInfo.Environment;
            environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            environment["Gallery__DataPath"] = directory.Combine("data");
            environment["Gallery__Database__Provider"] = postgresConnectionString is null ? "Sqlite" : "Postgres";
            if (postgresConnectionString is not null)
            {
                environment["ConnectionStrings__Registry"] = postgresConnectionString;
            }

            environment["Logging__LogLevel__Default"] = "Warning";

            // The publisher "bench" with an access key, creating repositories on first push (tokens come from /token).
            environment["Gallery__Bootstrap__Alias"] = Alias;
            environment["Gallery__Bootstrap__AccessKeyId"] = AccessKeyId;
            environment["Gallery__Bootstrap__SecretAccessKey"] = SecretAccessKey;
            environment["Gallery__Bootstrap__CreateOnPush"] = "true";

            // Pull rate limits off: the figures are the server's capacity, not the limiter's (1/s anonymous by default).
            environment["Gallery__RateLimits__AnonymousPullsPerSecond"] = "0";
            environment["Gallery__RateLimits__AuthenticatedPullsPerSecond"] = "0";
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                environment[key] = value;
            }

            var process = await ServerProcess.StartAsync("Gallery.Web", startInfo, new Uri(baseAddress, "v2/"), StartTimeout, cancellationToken);
            var configuration = IsReleaseBuild() ? "Release" : "Debug build!";
            var database = postgresConnectionString is null ? "SQLite" : "PostgreSQL";
            return new OurServer(directory, process, baseAddress, $"Gallery.Web ({configuration}, {database}, filesystem)");
        }
        catch
        {
            directory.Dispose();
            throw;
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
