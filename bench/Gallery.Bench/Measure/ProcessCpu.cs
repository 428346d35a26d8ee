using System.Globalization;

namespace Gallery.Bench.Measure;

/// <summary>
/// The CPU time a process has used (user + system, from /proc/&lt;pid&gt;/stat), so a figure can say what a GiB costs
/// the server: unlike MB/s, that hardly moves when other work shares the machine.
/// </summary>
public static class ProcessCpu
{
    /// <summary>Clock ticks per second of /proc's counters (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    public static double Seconds(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        // Fields after the command name (which may hold spaces, so split after its closing parenthesis): utime is 14th, stime 15th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>CPU seconds of the process per GiB moved while <paramref name="work"/> ran.</summary>
    public static async Task<(T Result, double SecondsPerGiB)> PerGiBAsync<T>(int processId, long bytes, Func<Task<T>> work)
    {
        var before = Seconds(processId);
        var result = await work();
        return (result, (Seconds(processId) - before) / (bytes / (1024.0 * 1024 * 1024)));
    }
}
