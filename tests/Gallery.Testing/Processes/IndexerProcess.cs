using System.Diagnostics;

namespace Gallery.Testing.Processes;

/// <summary>
/// The real Gallery.Indexer run alone (<c>dotnet Gallery.Indexer.dll</c>) on a <see cref="TestDatabase"/>, as
/// README describes for a deployment whose web processes only read the index (<c>Gallery__Index__Worker=false</c>).
/// Ready when the host says it has started; stopped with SIGTERM.
/// </summary>
public sealed class IndexerProcess : IAsyncDisposable
{
    public const string AssemblyName = "Gallery.Indexer.dll";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly OutputTail _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;

    public string OutputTail => _output.ToString();

    /// <summary>Start it after the web process, which has applied the migrations and bootstrapped the test publisher.</summary>
    public static async Task<IndexerProcess> StartAsync(TestDatabase database)
    {
        var assemblyPath = Path.Combine(AppContext.BaseDirectory, AssemblyName);
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = database.DataPath,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(assemblyPath);
        ProcessRunner.ApplyEnvironment(startInfo, database.EnvironmentVariables);

        var indexer = new IndexerProcess();
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => indexer.Received("", e.Data);
        process.ErrorDataReceived += (_, e) => indexer.Received("[stderr] ", e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        indexer._process = process;
        try
        {
            await Task.WhenAny(indexer._started.Task, process.WaitForExitAsync()).WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            await indexer.DisposeAsync();
            throw new TimeoutException($"Gallery.Indexer did not start within {StartTimeout.TotalSeconds} s.\n--- output tail ---\n{indexer.OutputTail}");
        }

        if (process.HasExited)
        {
            var tail = indexer.OutputTail;
            await indexer.DisposeAsync();
            throw new InvalidOperationException($"Gallery.Indexer exited before it started.\n--- output tail ---\n{tail}");
        }

        return indexer;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        if (!process.HasExited)
        {
            Signals.TryTerminate(process.Id);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
    }

    private void Received(string prefix, string? line)
    {
        _output.Add(prefix, line);
        if (line?.Contains("Application started", StringComparison.Ordinal) == true)
        {
            _started.TrySetResult();
        }
    }
}
