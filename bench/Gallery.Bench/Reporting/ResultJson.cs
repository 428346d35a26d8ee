using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gallery.Bench.Reporting;

/// <summary>
/// Writes a suite's report to <c>bench/results/&lt;suite&gt;-&lt;timestamp&gt;.json</c> and copies it to
/// <c>latest-&lt;suite&gt;.json</c> (<c>latest-&lt;suite&gt;-quick.json</c> for --quick), with the machine and every sample.
/// </summary>
public static class ResultJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <returns>The timestamped file's path.</returns>
    public static string Write(SuiteReport report, MachineInfo machine, SourceInfo source, string directory)
    {
        Directory.CreateDirectory(directory);
        var stamp = report.StartedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var path = Path.Combine(directory, $"{report.Suite}-{stamp}{(report.Quick ? "-quick" : "")}.json");
        var json = JsonSerializer.Serialize(Document(report, machine, source), Options);
        File.WriteAllText(path, json + "\n");
        // Quick runs keep their own "latest", so latest-<suite>.json is always the last full run (the README's table).
        File.WriteAllText(Path.Combine(directory, $"latest-{report.Suite}{(report.Quick ? "-quick" : "")}.json"), json + "\n");
        return path;
    }

    private static object Document(SuiteReport report, MachineInfo machine, SourceInfo source) => new
    {
        Source = source,
        report.Suite,
        report.Quick,
        report.Database,
        report.LoadTool,
        StartedAt = report.StartedAt.ToString("o", CultureInfo.InvariantCulture),
        DurationSeconds = Math.Round(report.Duration.TotalSeconds, 1),
        Machine = machine,
        Servers = new { report.Ours, report.Peer },
        report.Settings,
        RatioMeaning = "ours / peer; above 1 is better when better = higher, below 1 when better = lower",
        Figures = report.Figures.Select(f => new
        {
            f.Id,
            f.Title,
            f.Unit,
            f.Better,
            Ours = Round(f.Ours),
            Peer = Round(f.Peer),
            Ratio = f.Ratio is { } r ? Math.Round(r, 3) : (double?)null,
            Target = f.Target?.Describe(f),
            f.Met,
            Limit = f.Limit is { } limit ? new { limit.Name, Value = Round(limit.Value) } : null,
            Samples = new { Ours = f.OursSamples.Select(Round), Peer = f.PeerSamples.Select(Round) },
            f.Note,
        }),
        report.Notes,
    };

    private static double Round(double value) => Math.Round(value, 3);
}
