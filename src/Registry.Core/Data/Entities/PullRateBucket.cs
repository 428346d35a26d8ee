namespace Registry.Core.Data.Entities;

/// <summary>
/// One caller's pull allowance when nodes share it through PostgreSQL (a generic cell rate algorithm bucket, see
/// <see cref="Http.Distribution.PostgresPullBuckets"/>). Rows whose time has passed are full buckets and are swept.
/// </summary>
public sealed class PullRateBucket
{
    /// <summary>Whose pulls: <c>anonymous:&lt;address&gt;</c> or <c>account:&lt;id&gt;</c>.</summary>
    public required string Key { get; set; }

    /// <summary>The theoretical arrival time, in seconds since the Unix epoch on the database's clock: the bucket is full once it is past.</summary>
    public double ArrivalTime { get; set; }
}
