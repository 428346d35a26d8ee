using System.Diagnostics;

namespace Gallery.Bench.Reporting;

/// <summary>Progress lines while a suite runs, each stamped with the time since the harness started.</summary>
public static class Progress
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static TimeSpan Elapsed => Clock.Elapsed;

    public static void Line(string message) => Console.WriteLine($"[{Clock.Elapsed:mm\\:ss}] {message}");
}
