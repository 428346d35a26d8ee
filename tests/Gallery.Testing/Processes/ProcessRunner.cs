using System.Diagnostics;

namespace Gallery.Testing.Processes;

/// <summary>Runs a command to completion with a time limit, capturing stdout and stderr; a process that overruns is killed.</summary>
public static class ProcessRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan? timeout = null,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (workingDirectory is not null)
        {
            startInfo.WorkingDirectory = workingDirectory;
        }

        ApplyEnvironment(startInfo, environment);
        var commandLine = string.Join(' ', startInfo.ArgumentList.Prepend(fileName).Select(Quote));
        using var process = new Process { StartInfo = startInfo };
        var stopwatch = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Xunit.Assert.Fail($"could not start `{commandLine}`: {e.Message}");
        }

        process.StandardInput.Close();
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var copyErr = process.StandardError.BaseStream.CopyToAsync(stderr);
        var timedOut = false;
        using (var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout))
        {
            try
            {
                await process.WaitForExitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        // A grandchild that inherited the pipes can keep them open; don't wait for it forever.
        await Task.WhenAny(Task.WhenAll(copyOut, copyErr), Task.Delay(TimeSpan.FromSeconds(10)));
        return new ProcessResult(commandLine, process.ExitCode, timedOut, Snapshot(stdout), Snapshot(stderr), stopwatch.Elapsed);
    }

    /// <summary>Copies settings onto a child's environment; a null value removes an inherited variable.</summary>
    public static void ApplyEnvironment(ProcessStartInfo startInfo, IReadOnlyDictionary<string, string?>? environment)
    {
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(key);
            }
            else
            {
                startInfo.Environment[key] = value;
            }
        }
    }

    /// <summary>What was copied so far (all of it, unless a grandchild still holds the pipe open).</summary>
    private static byte[] Snapshot(MemoryStream stream) => stream.ToArray();

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./:=@,+".Contains(c)) ? argument : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
