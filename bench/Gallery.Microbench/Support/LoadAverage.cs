using System.Globalization;

namespace Gallery.Microbench.Support;

/// <summary>The 1-minute load average (Linux), printed before and after a run: other work on the machine shows in every figure.</summary>
public static class LoadAverage
{
    public static void Print(string when)
    {
        if (!File.Exists("/proc/loadavg"))
        {
            return;
        }

        var oneMinute = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        var warning = oneMinute > Environment.ProcessorCount ? " (above the CPU count: figures include waiting for a CPU)" : "";
        Console.WriteLine($"// Gallery.Microbench: 1-minute load average {when}: {oneMinute:0.##} on {Environment.ProcessorCount} CPUs{warning}");
    }
}
