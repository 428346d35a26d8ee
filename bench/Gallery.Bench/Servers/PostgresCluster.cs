using Gallery.Bench.Processes;
using Gallery.Bench.Reporting;
using FreePort = Gallery.Testing.Processes.FreePort;

namespace Gallery.Bench.Servers;

/// <summary>
/// A throwaway PostgreSQL cluster for <c>--db postgres</c>: initdb in a temp directory as the postgres user, started on
/// a free 127.0.0.1 port with fsync off, stopped (immediate) and deleted at the end. Needs root and Debian's
/// postgresql package (installed when missing).
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly TempDirectory _directory;
    private readonly string _binDirectory;
    private readonly IDisposable _cleanup;

    private PostgresCluster(TempDirectory directory, string binDirectory, int port, string version)
    {
        _directory = directory;
        _binDirectory = binDirectory;
        Port = port;
        Version = version;
        _cleanup = Cleanup.Register("stop PostgreSQL", () => Stop(_binDirectory, DataDirectory, _directory.Path));
    }

    public int Port { get; }

    public string Version { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

    private string DataDirectory => _directory.Combine("data");

    public static async Task<PostgresCluster> StartAsync(CancellationToken cancellationToken)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            throw new BenchException("--db postgres starts a throwaway PostgreSQL cluster as the postgres user, which needs root");
        }

        await AptPackages.EnsureAsync("postgresql", () => FindBinDirectory() is not null, cancellationToken);
        var bin = FindBinDirectory()!;
        var version = Path.GetFileName(Path.GetDirectoryName(bin)) ?? "?";
        var directory = new TempDirectory("postgres");
        try
        {
            await RunAsync("chown", ["postgres:postgres", directory.Path], directory.Path, cancellationToken);
            await RunAsync("chmod", ["700", directory.Path], directory.Path, cancellationToken);
            var data = directory.Combine("data");
            await RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"],
                directory.Path, cancellationToken);

            var port = FreePort.Next();
            var settings = $"-p {port} -k {directory.Path} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200";
            await RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, "pg_ctl"), "-D", data, "-l", directory.Combine("postgres.log"), "-w", "-t", "60", "start", "-o", settings],
                directory.Path, cancellationToken);
            return new PostgresCluster(directory, bin, port, version);
        }
        catch
        {
            Stop(bin, directory.Combine("data"), directory.Path);
            directory.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        _cleanup.Dispose();
        Stop(_binDirectory, DataDirectory, _directory.Path);
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The newest /usr/lib/postgresql/N/bin with initdb and pg_ctl.</summary>
    private static string? FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(d => File.Exists(Path.Combine(d.Dir, "initdb")) && File.Exists(Path.Combine(d.Dir, "pg_ctl")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Dir)
            .FirstOrDefault();
    }

    private static void Stop(string bin, string data, string workingDirectory)
    {
        if (!File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            return;
        }

        // Synchronous on purpose: this also runs from the Ctrl+C / process-exit cleanup.
        ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"],
            TimeSpan.FromSeconds(30), CancellationToken.None, workingDirectory).GetAwaiter().GetResult();
    }

    private static async Task RunAsync(string command, string[] arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(command, arguments, CommandTimeout, cancellationToken, workingDirectory);
        if (result.ExitCode != 0)
        {
            throw new BenchException($"{command} {string.Join(' ', arguments)} failed (exit {result.ExitCode}):\n{result.Output}");
        }
    }
}
