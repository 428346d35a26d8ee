using System.Runtime.InteropServices;

namespace Gallery.Bench.Processes;

/// <summary>POSIX SIGTERM, so a server can shut down the way a service manager asks it to (Process.Kill is SIGKILL).</summary>
internal static class Signals
{
    private const int SigTerm = 15;

    public static bool TryTerminate(int processId) => !OperatingSystem.IsWindows() && kill(processId, SigTerm) == 0;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
