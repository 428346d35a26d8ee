namespace Registry.Core.Http.Distribution;

/// <summary>Where callers' pull allowances are kept: in this process (one node, SQLite) or in PostgreSQL, shared by every node.</summary>
public interface IPullBuckets
{
    /// <summary>Takes one pull from <paramref name="key"/>'s bucket: null when allowed, else how long until a pull would be.</summary>
    ValueTask<TimeSpan?> TakeAsync(string key, PullAllowance allowance, CancellationToken cancellationToken);
}
