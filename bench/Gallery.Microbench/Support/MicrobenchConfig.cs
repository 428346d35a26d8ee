using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;

namespace Gallery.Microbench.Support;

/// <summary>
/// BenchmarkDotNet's defaults (validators, GitHub Markdown/CSV/HTML reports under BenchmarkDotNet.Artifacts/results)
/// with one short job for every benchmark: one launch, 3 warm-ups, 10 measured iterations, so the whole suite runs
/// in about seven minutes on a 2-core machine. With --job on the command line, that job is used instead.
/// </summary>
public static class MicrobenchConfig
{
    public static IConfig Create(IReadOnlyList<string> args)
    {
        // Median and Min next to the mean: on a machine shared with builds and test runs they show what load added.
        var config = DefaultConfig.Instance
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min)
            .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40));
        return args.Any(a => a is "--job" or "-j")
            ? config
            : config.AddJob(Job.Default.WithId("Short").WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));
    }
}
