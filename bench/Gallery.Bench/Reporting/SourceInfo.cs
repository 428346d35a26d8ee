using Gallery.Bench.Cli;
using Gallery.Bench.Processes;

namespace Gallery.Bench.Reporting;

/// <summary>Which code was measured: the commit, and whether src/ had uncommitted changes.</summary>
public sealed record SourceInfo(string Commit, bool SourceModified)
{
    public static async Task<SourceInfo> CurrentAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find();
        if (root is null || ProcessRunner.FindOnPath("git") is null)
        {
            return new SourceInfo("unknown", false);
        }

        var timeout = TimeSpan.FromSeconds(20);
        var head = await ProcessRunner.RunAsync("git", ["-C", root, "rev-parse", "--short=12", "HEAD"], timeout, cancellationToken);
        var status = await ProcessRunner.RunAsync("git", ["-C", root, "status", "--porcelain", "--", "src"], timeout, cancellationToken);
        return head.ExitCode == 0
            ? new SourceInfo(head.StandardOutput.Trim(), status.ExitCode == 0 && status.StandardOutput.Trim().Length > 0)
            : new SourceInfo("unknown", false);
    }

    public override string ToString() => SourceModified ? $"{Commit} + uncommitted changes in src/" : Commit;
}
