using Gallery.Indexer.Reading;

namespace Gallery.Web.Tests;

/// <summary>Pull days for component tests: <see cref="Days"/> for every repository (none by default: all zero).</summary>
public sealed class FakePullHistory : IPullHistory
{
    public Dictionary<string, long> Days { get; } = [];

    public Task<IReadOnlyList<PullDay>?> DaysAsync(string fullName, int days, string? tag, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        IReadOnlyList<PullDay> list = Enumerable.Range(0, days).Select(i => today.AddDays(i + 1 - days).ToString("yyyy-MM-dd"))
            .Select(d => new PullDay(d, Days.GetValueOrDefault(d))).ToList();
        return Task.FromResult<IReadOnlyList<PullDay>?>(list);
    }
}
