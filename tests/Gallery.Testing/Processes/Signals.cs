using System.Runtime.InteropServices;

namespace Gallery.Testing.Processes;

/// <summary>POSIX signals, so a server can be asked to stop the way a service manager would (Process.Kill is SIGKILL).</summary>
public static class Signals
{
    public const int SigTerm = 15;

    /// <summary>Sends SIGTERM; false where signals don't exist (Windows) or the process is already gone.</summary>
    public static bool TryTerminate(int processId)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        return kill(processId, SigTerm) == 0;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
