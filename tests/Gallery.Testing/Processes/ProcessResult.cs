using System.Text;

namespace Gallery.Testing.Processes;

/// <summary>What a finished (or timed-out) child process left behind: its exit code and everything it printed.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, bool TimedOut, byte[] StandardOutputBytes, byte[] StandardErrorBytes, TimeSpan Elapsed)
{
    public string StandardOutput => Encoding.UTF8.GetString(StandardOutputBytes);

    public string StandardError => Encoding.UTF8.GetString(StandardErrorBytes);

    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>Fails the test, with the command line and both output streams, unless the process exited 0 in time.</summary>
    public ProcessResult EnsureSuccess()
    {
        if (!Succeeded)
        {
            Xunit.Assert.Fail($"expected success, but {Describe()}");
        }

        return this;
    }

    /// <summary>Fails the test, with both output streams, unless the process exited non-zero in time.</summary>
    public ProcessResult EnsureFailure()
    {
        if (TimedOut || ExitCode == 0)
        {
            Xunit.Assert.Fail($"expected failure, but {Describe()}");
        }

        return this;
    }

    public string Describe()
    {
        var outcome = TimedOut ? $"timed out after {Elapsed.TotalSeconds:F0} s" : $"exited {ExitCode} after {Elapsed.TotalSeconds:F1} s";
        return $"`{CommandLine}` {outcome}\n--- stdout ---\n{Tail(StandardOutput)}\n--- stderr ---\n{Tail(StandardError)}";
    }

    private static string Tail(string text) => text.Length <= 8000 ? text : "..." + text[^8000..];
}
