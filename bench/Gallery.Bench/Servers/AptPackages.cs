using Gallery.Bench.Processes;
using Gallery.Bench.Reporting;

namespace Gallery.Bench.Servers;

/// <summary>Installs a Debian package the harness needs, when it is missing and we are root; otherwise says how.</summary>
public static class AptPackages
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    public static async Task EnsureAsync(string package, Func<bool> isInstalled, CancellationToken cancellationToken)
    {
        if (isInstalled())
        {
            return;
        }

        if (!Environment.IsPrivilegedProcess)
        {
            throw new BenchException($"the Debian package '{package}' is missing; install it (sudo apt-get install -y {package}) or run the harness as root");
        }

        Progress.Line($"installing {package} with apt-get");
        var environment = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        var install = await ProcessRunner.RunAsync("apt-get", ["install", "-y", "-q", package], InstallTimeout, cancellationToken, environment: environment);
        if (install.ExitCode != 0)
        {
            // The package lists may be missing or stale on a fresh machine.
            await ProcessRunner.RunAsync("apt-get", ["update", "-q"], InstallTimeout, cancellationToken, environment: environment);
            install = await ProcessRunner.RunAsync("apt-get", ["install", "-y", "-q", package], InstallTimeout, cancellationToken, environment: environment);
        }

        if (install.ExitCode != 0 || !isInstalled())
        {
            throw new BenchException($"apt-get install {package} failed (exit {install.ExitCode}):\n{Tail(install.Output)}");
        }
    }

    private static string Tail(string text) => string.Join('\n', text.Split('\n').TakeLast(20));
}
