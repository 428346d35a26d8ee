using Gallery.Bench.Reporting;
using Gallery.Bench.Suites;

namespace Gallery.Bench.Cli;

/// <summary>Runs the suites a command names, prints each table and writes each JSON file.</summary>
public static class BenchRunner
{
    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var suites = options.Suite == "all"
            ? SuiteCatalog.Available
            : SuiteCatalog.Available.Where(s => s.Name == options.Suite).ToList();
        if (suites.Count == 0)
        {
            Console.Error.WriteLine($"unknown suite '{options.Suite}'\n\n{BenchOptions.Usage}");
            return 2;
        }

        if (options.Suite == "all")
        {
            Progress.Line($"all: {string.Join(", ", suites.Select(s => s.Name))}");
        }

        var machine = MachineInfo.Current();
        var source = await SourceInfo.CurrentAsync(cancellationToken);
        Progress.Line($"machine: {machine}");
        Progress.Line($"source: {source}");
        foreach (var suite in suites)
        {
            var report = await suite.RunAsync(options, cancellationToken);
            var path = ResultJson.Write(report, machine, source, options.ResultsDirectory);
            Console.WriteLine();
            Console.WriteLine($"{report.Suite}{(report.Quick ? " (quick)" : "")}, database {report.Database}, {report.Duration.TotalSeconds:0} s");
            Console.WriteLine(ResultTable.Render(report));
            Console.WriteLine(ResultTable.Legend(report));
            Console.WriteLine($"written: {path}");
        }

        return 0;
    }
}
