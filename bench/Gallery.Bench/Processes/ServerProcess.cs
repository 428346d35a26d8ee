using System.Diagnostics;
using System.Net;
using Gallery.Testing.Processes;

namespace Gallery.Bench.Processes;

/// <summary>
/// A long-running child process that serves HTTP on 127.0.0.1: started, awaited until a probe URL answers 200 or 401,
/// stopped with SIGTERM (then SIGKILL). Registered with <see cref="Cleanup"/> from the moment it starts.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly OutputTail _output = new();
    private readonly IDisposable _cleanup;

    private ServerProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        _cleanup = Cleanup.Register($"kill {name} (pid {process.Id})", () => ProcessRunner.Kill(process));
    }

    public string Name { get; }

    public int ProcessId => _process.Id;

    public string OutputTail => _output.ToString();

    /// <summary>Null while it runs; once it has exited, its exit code and last output (to explain a refused connection).</summary>
    public string? ExitReport() => _process.HasExited ? $"{Name} (pid {ProcessId}) exited with code {_process.ExitCode}\n--- output ---\n{OutputTail}" : null;

    public static async Task<ServerProcess> StartAsync(
        string name,
        ProcessStartInfo startInfo,
        Uri readyProbe,
        TimeSpan startTimeout,
        CancellationToken cancellationToken)
    {
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;
        var process = new Process { StartInfo = startInfo };
        process.Start();
        var server = new ServerProcess(name, process);
        process.OutputDataReceived += (_, e) => server._output.Add("", e.Data);
        process.ErrorDataReceived += (_, e) => server._output.Add("", e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync(readyProbe, startTimeout, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            if (!_process.HasExited && Signals.TryTerminate(_process.Id))
            {
                using var wait = new CancellationTokenSource(StopTimeout);
                try
                {
                    await _process.WaitForExitAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    Reporting.Progress.Line($"{Name} did not exit within {StopTimeout.TotalSeconds:0} s of SIGTERM; killing it");
                }
            }

            ProcessRunner.Kill(_process);
            await _process.WaitForExitAsync();
            if (stopwatch.Elapsed > TimeSpan.FromSeconds(3))
            {
                Reporting.Progress.Line($"{Name} took {stopwatch.Elapsed.TotalSeconds:0} s to stop");
            }
        }
        finally
        {
            _cleanup.Dispose();
            _process.Dispose();
        }
    }

    private async Task WaitUntilReadyAsync(Uri probe, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var last = "no answer yet";
        while (stopwatch.Elapsed < timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(cancellationToken);
                throw new InvalidOperationException(
                    $"{Name} exited with code {_process.ExitCode} before answering {probe}.\n--- output ---\n{OutputTail}");
            }

            try
            {
                using var response = await client.GetAsync(probe, cancellationToken);
                // A registry that wants a token answers /v2/ with 401: it is up all the same.
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    return;
                }

                last = $"{(int)response.StatusCode} {response.ReasonPhrase}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                last = e.Message;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new BenchException($"{Name} did not answer {probe} with 200 within {timeout.TotalSeconds:0} s (last: {last}).\n--- output ---\n{OutputTail}");
    }
}
