using Gallery.Bench.Cli;
using Gallery.Bench.Reporting;

namespace Gallery.Bench.Suites;

/// <summary>A suite: starts what it measures, measures each figure on ours and on the peer, stops everything.</summary>
public interface ISuite
{
    string Name { get; }

    Task<SuiteReport> RunAsync(BenchOptions options, CancellationToken cancellationToken);
}
