using System.Diagnostics;
using System.Net;

namespace Gallery.Testing.Processes;

/// <summary>
/// The real Gallery.Web, run as its own process (<c>dotnet Gallery.Web.dll --urls http://127.0.0.1:PORT</c>) on a
/// <see cref="TestDatabase"/>: configured only through environment variables, working directory = the data directory.
/// Ready when GET /v2/ answers (200, or 401 with a token challenge). It can be stopped with SIGTERM and restarted on
/// the same data directory and database.
/// </summary>
public sealed class GalleryProcess : IAsyncDisposable
{
    public const string AssemblyName = "Gallery.Web.dll";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    private readonly TestDatabase _database;
    private readonly string _assemblyPath;
    private readonly IReadOnlyDictionary<string, string?> _extraEnvironment;
    private readonly OutputTail _output = new();
    private Process? _process;

    private GalleryProcess(TestDatabase database, string assemblyPath, IReadOnlyDictionary<string, string?> extraEnvironment)
    {
        _database = database;
        _assemblyPath = assemblyPath;
        _extraEnvironment = extraEnvironment;
        Client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; private set; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary><c>127.0.0.1:port</c>, as image references name the registry. It can change on restart if the port was taken meanwhile.</summary>
    public string Authority => BaseAddress.Authority;

    /// <summary>A client for absolute URLs under <see cref="BaseAddress"/> (no BaseAddress of its own, as the port can change on restart).</summary>
    public HttpClient Client { get; }

    public TestDatabase Database => _database;

    /// <summary>The last lines the server printed (stdout and stderr), for failure messages.</summary>
    public string OutputTail => _output.ToString();

    /// <param name="assemblyPath">Gallery.Web.dll; by default the one next to the test assembly (test projects reference Gallery.Web).</param>
    public static async Task<GalleryProcess> StartAsync(
        TestDatabase database,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? assemblyPath = null)
    {
        assemblyPath ??= Path.Combine(AppContext.BaseDirectory, AssemblyName);
        if (!File.Exists(assemblyPath))
        {
            throw new FileNotFoundException($"{assemblyPath} is missing; the test project must reference src/Gallery.Web so it is copied to the output directory", assemblyPath);
        }

        var gallery = new GalleryProcess(database, assemblyPath, environment ?? new Dictionary<string, string?>());
        try
        {
            await gallery.LaunchAsync(FreePort.Next());
        }
        catch
        {
            await gallery.DisposeAsync();
            throw;
        }

        return gallery;
    }

    public Uri Url(string relative) => new(BaseAddress, relative);

    /// <summary>The exit code of the last process that stopped (after <see cref="StopAsync"/> or a restart); null before.</summary>
    public int? LastExitCode { get; private set; }

    /// <summary>SIGTERM, then wait for a graceful exit; SIGKILL if it does not come in time.</summary>
    public Task StopAsync() => StopAsync(graceful: true);

    /// <summary>Stops the server; <paramref name="graceful"/> false kills it at once (SIGKILL), as a crash or power cut would.</summary>
    public async Task StopAsync(bool graceful)
    {
        var process = _process;
        if (process is null)
        {
            return;
        }

        _process = null;
        try
        {
            if (!process.HasExited)
            {
                if (graceful && Signals.TryTerminate(process.Id))
                {
                    using var wait = new CancellationTokenSource(StopTimeout);
                    try
                    {
                        await process.WaitForExitAsync(wait.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        _output.Add("[test] ", $"no exit within {StopTimeout.TotalSeconds} s of SIGTERM; killing");
                    }
                }

                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync();
            }

            LastExitCode = process.ExitCode;
            _output.Add("[test] ", $"exited with code {process.ExitCode}");
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>Stops the server and starts it again on the same data directory and database (and port, when it is still free).</summary>
    /// <param name="graceful">false to kill the server (SIGKILL) instead of asking it to stop.</param>
    public async Task RestartAsync(bool graceful = true)
    {
        await StopAsync(graceful);
        _output.Add("[test] ", "restarting");
        try
        {
            await LaunchAsync(Port);
        }
        catch (PortInUseException)
        {
            await LaunchAsync(FreePort.Next());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Client.Dispose();
    }

    private async Task LaunchAsync(int port)
    {
        Port = port;
        var contentRoot = Path.GetDirectoryName(_assemblyPath)!;
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _database.DataPath,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The content root is where Gallery.Web's appsettings.json was copied, so the app runs with its own defaults.
        foreach (var argument in new[] { _assemblyPath, "--urls", BaseAddress.ToString().TrimEnd('/'), "--contentRoot", contentRoot })
        {
            startInfo.ArgumentList.Add(argument);
        }

        ProcessRunner.ApplyEnvironment(startInfo, _database.EnvironmentVariables);
        ProcessRunner.ApplyEnvironment(startInfo, _extraEnvironment);
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => _output.Add("", e.Data);
        process.ErrorDataReceived += (_, e) => _output.Add("[stderr] ", e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        _output.Add("[test] ", $"started pid {process.Id}: dotnet {string.Join(' ', startInfo.ArgumentList)}");
        await WaitUntilReadyAsync(process);
    }

    private async Task WaitUntilReadyAsync(Process process)
    {
        var stopwatch = Stopwatch.StartNew();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var last = "no answer yet";
        while (stopwatch.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                _process = null;
                var exitCode = process.ExitCode;
                process.Dispose();
                var tail = OutputTail;
                if (tail.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
                {
                    throw new PortInUseException(Port);
                }

                throw new InvalidOperationException($"Gallery.Web exited with code {exitCode} before answering GET /v2/ on port {Port}.\n--- output tail ---\n{tail}");
            }

            try
            {
                using var response = await probe.GetAsync(Url("v2/"));
                if (IsRegistryAnswer(response))
                {
                    return;
                }

                last = $"GET /v2/ answered {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }

            await Task.Delay(200);
        }

        await StopAsync();
        throw new TimeoutException($"Gallery.Web did not answer GET /v2/ (200 or a 401 challenge) within {StartTimeout.TotalSeconds} s on port {Port} (last: {last}).\n--- output tail ---\n{OutputTail}");
    }

    /// <summary>200, or the 401 challenge a registry that requires tokens answers an anonymous GET /v2/ with.</summary>
    private static bool IsRegistryAnswer(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.OK
        || (response.StatusCode == HttpStatusCode.Unauthorized && response.Headers.WwwAuthenticate.Count > 0);

    private sealed class PortInUseException(int port) : Exception($"port {port} is already in use");
}
